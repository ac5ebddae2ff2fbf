import { wandbStandinSchemaSdl } from '@mlops-mcp/testkit';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { referenceSchemaSdl } from '../../test/reference-schema.js';
import { WANDB_GRAPHQL_DOCUMENTS } from './documents/index.js';

const standin = buildSchema(wandbStandinSchemaSdl());
const reference = buildSchema(referenceSchemaSdl());

/**
 * Fields the adapter's documents select that the bandw reference lacks (it leaves out sweeps,
 * report views' detail and the system-metrics stream), each with the W&B source that proves the
 * field exists on W&B's server.
 */
const REFERENCE_GAPS: Record<string, { errors: string[]; evidence: string }> = {
  WandbRunEvents: {
    errors: ['Cannot query field "events" on type "Run".'],
    evidence:
      'wandb/wandb tools/graphql_codegen/api/runs.graphql GetRunEvents: run(name:) { events(samples: $samples) }; ' +
      'wandb/apis/public/runs.py `_full_history` reads `events` for stream="system".',
  },
  WandbListSweeps: {
    errors: [
      'Cannot query field "totalSweeps" on type "Project".',
      'Cannot query field "sweeps" on type "Project".',
    ],
    evidence:
      'wandb/wandb wandb/apis/_generated/operations.py GET_SWEEPS_GQL: project { totalSweeps sweeps(after, first, filters) }.',
  },
  WandbGetSweep: {
    errors: ['Cannot query field "sweep" on type "Project".'],
    evidence:
      'wandb/wandb wandb/apis/_generated/operations.py GET_SWEEP_GQL: project { sweep(sweepName: $name) }.',
  },
  WandbGetReport: {
    errors: ['Cannot query field "view" on type "Query". Did you mean "viewer"?'],
    evidence:
      'wandb/wandb wandb/apis/reports/v2/gql.py and wandb/wandb-workspaces wandb_workspaces/reports/v2/gql.py ' +
      'SpecificReport: view(id: $reportId) { ... }; wandb/weave wb_schema.gql Query.view(id: ID!, type: String): View.',
  },
  WandbCreateReport: {
    errors: [
      'Cannot query field "upsertView" on type "Mutation". Did you mean "upsertModel" or "upsertBucket"?',
    ],
    evidence:
      'wandb/wandb wandb/apis/reports/report.py Report.save() sends UPSERT_VIEW (upsertView(input: {... type: "runs", ' +
      'createdUsing: WANDB_SDK, spec})); wandb/weave wb_schema.gql Mutation.upsertView(input: UpsertViewInput!).',
  },
};

/** Types the stand-in defines that the reference does not (same evidence as the gaps above). */
const STANDIN_ONLY_TYPES: Record<string, string> = {
  Sweep: 'SweepFragment in wandb/apis/_generated/operations.py',
  SweepConnection: 'GetSweeps: project.sweeps { pageInfo edges { node } }',
  SweepEdge: 'GetSweeps: project.sweeps.edges',
  ViewSource: 'wandb/weave wb_schema.gql enum ViewSource (createdUsing: WANDB_SDK)',
  UpsertViewInput: 'wandb/weave wb_schema.gql input UpsertViewInput',
  UpsertViewPayload: 'wandb/weave wb_schema.gql type UpsertViewPayload',
};

/** Fields (Type.field) the stand-in has and the reference lacks. */
const STANDIN_ONLY_FIELDS: Record<string, string> = {
  'Query.view': 'wandb/weave wb_schema.gql Query.view(id: ID!, type: String): View',
  'Mutation.upsertView': 'wandb/weave wb_schema.gql Mutation.upsertView',
  'Project.totalSweeps': 'GET_SWEEPS_GQL',
  'Project.sweeps': 'GET_SWEEPS_GQL',
  'Project.sweep': 'GET_SWEEP_GQL',
  'Run.events': 'runs.graphql GetRunEvents',
  'View.type': 'wandb/weave wb_schema.gql View.type; report.py UPSERT_VIEW selects view { type }',
  'View.project':
    'wandb/weave wb_schema.gql View.project; gql.py SpecificReport selects project { name entityName }',
};

/** Where the stand-in's type differs from the reference's in nullability only: none today. */
const NULLABILITY_DIFFERENCES: Record<string, string> = {};

function fieldsOf(
  schema: GraphQLSchema,
  typeName: string,
): Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> {
  const type = schema.getType(typeName);
  return isObjectType(type) || isInputObjectType(type) ? type.getFields() : {};
}

describe('the adapter GraphQL documents', () => {
  it('are all valid against the stand-in schema', () => {
    const invalid = WANDB_GRAPHQL_DOCUMENTS.map((document) => ({
      name: document.name,
      errors: validate(standin, parse(document.text)).map((error) => error.message),
    })).filter((result) => result.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('are valid against the bandw reference except for the fields it documents as missing', () => {
    const found: Record<string, string[]> = {};
    for (const document of WANDB_GRAPHQL_DOCUMENTS) {
      const errors = validate(reference, parse(document.text)).map((error) => error.message);
      if (errors.length > 0) found[document.name] = errors;
    }
    const expected = Object.fromEntries(
      Object.entries(REFERENCE_GAPS).map(([name, gap]) => [name, gap.errors]),
    );
    expect(found).toEqual(expected);
  });

  it('each declare an operation whose name matches the document name', () => {
    for (const document of WANDB_GRAPHQL_DOCUMENTS) {
      const ast = parse(document.text);
      const operation = ast.definitions.find((d) => d.kind === 'OperationDefinition');
      expect(operation && 'name' in operation ? operation.name?.value : undefined).toBe(
        document.name,
      );
      expect(operation && 'operation' in operation ? operation.operation : undefined).toBe(
        document.kind,
      );
    }
  });
});

describe('the stand-in schema', () => {
  const typeNames = Object.keys(standin.getTypeMap()).filter((name) => !name.startsWith('__'));

  it('uses the same kind of type as the reference for every shared type name', () => {
    const mismatched = typeNames
      .filter((name) => reference.getType(name))
      .filter((name) => {
        const a = standin.getType(name)!;
        const b = reference.getType(name)!;
        return a.constructor !== b.constructor;
      });
    expect(mismatched).toEqual([]);
  });

  it('defines only types the reference has, plus the listed ones W&B sources prove', () => {
    const extra = typeNames.filter((name) => !reference.getType(name));
    expect(extra.sort()).toEqual(Object.keys(STANDIN_ONLY_TYPES).sort());
  });

  it('gives every field and argument the reference type, except the listed fields the reference lacks', () => {
    const missing: string[] = [];
    const differing: string[] = [];
    for (const name of typeNames) {
      if (!reference.getType(name)) continue;
      const referenceFields = fieldsOf(reference, name);
      for (const [fieldName, field] of Object.entries(fieldsOf(standin, name))) {
        const key = `${name}.${fieldName}`;
        const referenceField = referenceFields[fieldName];
        if (!referenceField) {
          missing.push(key);
          continue;
        }
        if (String(field.type) !== String(referenceField.type)) {
          const nullabilityOnly =
            String(field.type).replace(/!/g, '') === String(referenceField.type).replace(/!/g, '');
          if (!(nullabilityOnly && key in NULLABILITY_DIFFERENCES)) {
            differing.push(`${key}: ${String(field.type)} vs ${String(referenceField.type)}`);
          }
        }
        const args = 'args' in field ? field.args : [];
        const referenceArgs = 'args' in referenceField ? referenceField.args : [];
        for (const arg of args) {
          const referenceArg = referenceArgs.find((a) => a.name === arg.name);
          if (!referenceArg || String(referenceArg.type) !== String(arg.type)) {
            differing.push(
              `${key}(${arg.name}): ${String(arg.type)} vs ${referenceArg ? String(referenceArg.type) : 'absent'}`,
            );
          }
        }
      }
    }
    expect(differing).toEqual([]);
    expect(missing.sort()).toEqual(Object.keys(STANDIN_ONLY_FIELDS).sort());
  });

  it('keeps enum values and union members within the reference', () => {
    const problems: string[] = [];
    for (const name of typeNames) {
      const a = standin.getType(name);
      const b = reference.getType(name);
      if (isEnumType(a) && isEnumType(b)) {
        const allowed = new Set(b.getValues().map((v) => v.name));
        for (const value of a.getValues())
          if (!allowed.has(value.name)) problems.push(`${name}.${value.name}`);
      }
      if (isUnionType(a) && isUnionType(b)) {
        const members = (u: typeof a) =>
          u
            .getTypes()
            .map((t) => t.name)
            .sort()
            .join(',');
        if (members(a) !== members(b)) problems.push(`${name}: ${members(a)} vs ${members(b)}`);
      }
      if (isScalarType(a) && b && !isScalarType(b))
        problems.push(`${name} is a scalar only in the stand-in`);
    }
    expect(problems).toEqual([]);
  });
});

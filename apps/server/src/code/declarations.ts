import type { AnyToolDefinition } from '@mlops-mcp/core';
import { z } from 'zod';

/** A JSON Schema node, as zod's converter writes them. */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;
const MAX_DOC_CHARS = 160;

/** `mlflow_search_runs` → `{ namespace: 'mlflow', method: 'searchRuns' }`. */
export function boundName(toolName: string): { namespace: string; method: string } {
  const [namespace, ...words] = toolName.split('_');
  const method = words
    .map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('');
  return { namespace: namespace ?? toolName, method };
}

/** The tool's first sentence: what a declaration's doc comment says. */
export function firstSentence(text: string): string {
  const end = text.search(/\.(\s+[A-Z]|$)/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  return sentence.length > 240 ? `${sentence.slice(0, 239)}…` : sentence;
}

const declarations = new WeakMap<AnyToolDefinition, string>();

/**
 * The TypeScript declaration of a tool's bound function, generated from the tool's own input and
 * output schemas: `mlflow.searchRuns(args: {...}): Promise<{...}>`, with its description and each
 * argument's description as doc comments. Built once per tool.
 */
export function declarationOf(tool: AnyToolDefinition): string {
  const cached = declarations.get(tool);
  if (cached !== undefined) return cached;
  const { namespace, method } = boundName(tool.name);
  const input = toJsonSchema(tool.inputSchema, 'input');
  const output = toJsonSchema(tool.outputSchema, 'output');
  const args = typeOf(input, input, 1, true);
  const optional = (input.required as unknown[] | undefined)?.length ? '' : '?';
  const result = typeOf(output, output, 1, false).replaceAll(REF_TYPE, 'Ref');
  const declaration =
    `/** ${escapeDoc(firstSentence(tool.description))} */\n` +
    `${namespace}.${method}(args${optional}: ${args}): Promise<${result}>;`;
  declarations.set(tool, declaration);
  return declaration;
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  } catch {
    return {};
  }
}

function escapeDoc(text: string): string {
  return text.replaceAll('*/', '*\\/').replaceAll('\n', ' ');
}

/** The `ref` every entity carries, written once as `Ref` (REF_DECLARATION) instead of in full. */
const REF_TYPE =
  '{ backend: "mlflow" | "wandb" | "prefect"; kind: "experiment" | "run" | "artifact" | "registered-model" | "model-version" | "trace" | "span" | "flow" | "flow-run" | "deployment"; id: string; uri: string; url?: string }';
export const REF_DECLARATION = `type Ref = ${REF_TYPE};`;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON Schema node as a TypeScript type; `docs` adds argument descriptions. */
function typeOf(node: Schema, root: Schema, depth: number, docs: boolean): string {
  if (depth > MAX_DEPTH) return 'unknown';
  if (typeof node.$ref === 'string') {
    const target = resolveRef(node.$ref, root);
    return target ? typeOf(target, root, depth + 1, docs) : 'unknown';
  }
  if ('const' in node) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key];
    if (Array.isArray(options)) {
      return unique(options.map((option) => typeOf(option as Schema, root, depth + 1, docs))).join(
        ' | ',
      );
    }
  }
  if (Array.isArray(node.allOf)) {
    return node.allOf.map((part) => typeOf(part as Schema, root, depth + 1, docs)).join(' & ');
  }
  const type = node.type;
  if (Array.isArray(type)) {
    return unique(type.map((t) => typeOf({ ...node, type: t }, root, depth, docs))).join(' | ');
  }
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(node.prefixItems)) {
        return `[${node.prefixItems.map((item) => typeOf(item as Schema, root, depth + 1, docs)).join(', ')}]`;
      }
      const items = node.items as Schema | undefined;
      const inner = items ? typeOf(items, root, depth + 1, docs) : 'unknown';
      return /^[\w.]+$/.test(inner) ? `${inner}[]` : `Array<${inner}>`;
    }
    case 'object':
      return objectType(node, root, depth, docs);
    default:
      return node.properties ? objectType(node, root, depth, docs) : 'unknown';
  }
}

function objectType(node: Schema, root: Schema, depth: number, docs: boolean): string {
  const properties = (node.properties ?? {}) as Record<string, Schema>;
  const required = new Set((node.required as string[] | undefined) ?? []);
  const members = Object.entries(properties).map(([name, property]) => {
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    const mark = required.has(name) ? '' : '?';
    const doc =
      docs && typeof property.description === 'string'
        ? `/** ${escapeDoc(clip(property.description))} */ `
        : '';
    return `${doc}${key}${mark}: ${typeOf(property, root, depth + 1, docs)}`;
  });
  const extra = node.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length > 0) {
    members.push(`[key: string]: ${typeOf(extra as Schema, root, depth + 1, docs)}`);
  } else if (extra === true || (members.length === 0 && extra === undefined)) {
    if (members.length === 0) return 'Record<string, unknown>';
  }
  return members.length === 0 ? 'Record<string, unknown>' : `{ ${members.join('; ')} }`;
}

function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[
      part.replaceAll('~1', '/').replaceAll('~0', '~')
    ];
  }
  return typeof node === 'object' && node !== null ? (node as Schema) : undefined;
}

function clip(text: string): string {
  return text.length > MAX_DOC_CHARS ? `${text.slice(0, MAX_DOC_CHARS - 1)}…` : text;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

import fc from 'fast-check';

/** The subset of JSON Schema that zod's toJSONSchema emits for tool inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

/** Values no schema expects: the cases that find crashes. */
const wild = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant(-1),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(1e308),
  fc.constant('../../etc/passwd'),
  fc.constant('mlflow://runs/../../x'),
  fc.constant("' OR 1=1 --"),
  fc.constant('\u0000\uFFFF\uD83D'),
  fc.string({ maxLength: 3000 }),
  fc.anything({ maxDepth: 2 }),
);

/**
 * Arbitrary for a JSON schema: mostly values that fit (so handlers run against the backend), with
 * a share of wrong types, out-of-range numbers, oversized strings and missing or extra fields.
 */
export function schemaArbitrary(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const fitting = fittingArbitrary(schema, depth);
  return fc.oneof({ weight: 4, arbitrary: fitting }, { weight: 1, arbitrary: wild });
}

function fittingArbitrary(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((option) => schemaArbitrary(option, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 300),
      });
    case 'integer':
      return fc.integer({ min: bound(schema.minimum, -1000), max: bound(schema.maximum, 100_000) });
    case 'number':
      return fc.double({
        min: bound(schema.minimum, -1e6),
        max: bound(schema.maximum, 1e6),
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? schemaArbitrary(schema.items, depth + 1) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 6),
      });
    case 'object': {
      if (depth > 3) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, inner] of Object.entries(properties))
        record[key] = schemaArbitrary(inner, depth + 1);
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      return fc.record(record, { requiredKeys });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

function bound(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

/**
 * Arbitrary for a tool's `arguments`: always an object (the protocol requires one), whose fields
 * are fitting or wild, sometimes with a required field missing or an unknown field added.
 */
export function toolArgumentsArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, inner] of Object.entries(properties)) record[key] = schemaArbitrary(inner, 1);
  const required = (schema.required ?? []).filter((key) => key in properties);
  const complete = fc.record(record, { requiredKeys: required });
  const missing = fc.record(record, { requiredKeys: [] });
  const extra = fc
    .tuple(complete, fc.string({ minLength: 1, maxLength: 12 }), fc.anything({ maxDepth: 1 }))
    .map(([args, key, value]) => ({ ...args, [`x_${key}`]: value }));
  return fc.oneof(
    { weight: 6, arbitrary: complete },
    { weight: 1, arbitrary: missing },
    { weight: 1, arbitrary: extra },
  );
}

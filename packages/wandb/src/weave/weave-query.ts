/**
 * Weave's query language (wandb/weave: weave/trace_server/interface/query.py): a Mongo-style
 * `{"$expr": <operation>}`. Queries from callers are checked here, before they reach the server,
 * so a mistake comes back naming the exact path instead of pydantic's union-of-every-branch error.
 */
import { InvalidInputError } from '@mlops-mcp/core';
import type { WeaveQuery } from './weave-api-types.js';

/** Operations (each evaluates to a boolean). */
const OPERATIONS = [
  '$and',
  '$or',
  '$not',
  '$eq',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$contains',
] as const;
/** Operands that are not operations. */
const VALUES = ['$literal', '$getField', '$convert'] as const;
const CAST_TO = ['double', 'string', 'int', 'bool', 'exists'];

type Operation = Record<string, unknown>;

/** A JSON value of the query language: an operation or an operand. */
export type QueryNode = Record<string, unknown>;

const OPERATOR_LIST = [...OPERATIONS, ...VALUES].join(' ');

function fail(path: string, message: string): never {
  throw new InvalidInputError(`Invalid Weave query at ${path}: ${message}`, {
    backend: 'wandb',
    field: 'query',
    hint:
      `Operators: ${OPERATOR_LIST}. Example: {"$expr":{"$and":[{"$eq":[{"$getField":"op_name"},` +
      `{"$literal":"weave:///e/p/op/agent:*"}]},{"$gt":[{"$getField":"summary.weave.latency_ms"},{"$literal":1000}]}]}}`,
  });
}

function singleKey(node: unknown, path: string): [string, unknown] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    fail(path, 'expected an object with one operator key.');
  }
  const entries = Object.entries(node);
  if (entries.length !== 1) {
    fail(path, `expected exactly one operator key, got ${entries.length}.`);
  }
  return entries[0] as [string, unknown];
}

function operands(value: unknown, path: string, count?: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array of operands.');
  if (count !== undefined && value.length !== count) {
    fail(path, `expected ${count} operand${count === 1 ? '' : 's'}, got ${value.length}.`);
  }
  if (value.length === 0) fail(path, 'expected at least one operand.');
  return value;
}

function checkOperation(key: string, value: unknown, path: string): void {
  const at = `${path}.${key}`;
  switch (key) {
    case '$and':
    case '$or':
      operands(value, at).forEach((item, i) => {
        checkOperand(item, `${at}[${i}]`);
      });
      return;
    case '$not':
      checkOperand(operands(value, at, 1)[0], `${at}[0]`);
      return;
    case '$eq':
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      operands(value, at, 2).forEach((item, i) => {
        checkOperand(item, `${at}[${i}]`);
      });
      return;
    case '$in': {
      const [left, right] = operands(value, at, 2);
      checkOperand(left, `${at}[0]`);
      if (!Array.isArray(right)) fail(`${at}[1]`, 'expected an array of operands.');
      right.forEach((item, i) => {
        checkOperand(item, `${at}[1][${i}]`);
      });
      return;
    }
    case '$contains': {
      const spec = objectSpec(value, at, ['input', 'substr', 'case_insensitive']);
      checkOperand(spec.input, `${at}.input`);
      checkOperand(spec.substr, `${at}.substr`);
      if (spec.case_insensitive !== undefined && typeof spec.case_insensitive !== 'boolean') {
        fail(`${at}.case_insensitive`, 'expected true or false.');
      }
      return;
    }
    default:
      fail(path, `unknown operator "${key}".`);
  }
}

function objectSpec(value: unknown, path: string, allowed: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, 'expected an object.');
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      fail(path, `unexpected key "${key}" (allowed: ${allowed.join(', ')}).`);
  }
  return value as Record<string, unknown>;
}

function checkOperand(node: unknown, path: string): void {
  const [key, value] = singleKey(node, path);
  switch (key) {
    case '$literal':
      return;
    case '$getField':
      if (typeof value !== 'string' || value === '')
        fail(`${path}.$getField`, 'expected a field name.');
      return;
    case '$convert': {
      const spec = objectSpec(value, `${path}.$convert`, ['input', 'to']);
      checkOperand(spec.input, `${path}.$convert.input`);
      if (typeof spec.to !== 'string' || !CAST_TO.includes(spec.to)) {
        fail(`${path}.$convert.to`, `expected one of ${CAST_TO.join(', ')}.`);
      }
      return;
    }
    default:
      checkOperation(key, value, path);
  }
}

/** Validates a caller's `{"$expr": ...}` query; an InvalidInputError naming the path otherwise. */
export function validateWeaveQuery(query: unknown): WeaveQuery {
  const [key, expr] = singleKey(query, 'query');
  if (key !== '$expr') fail('query', `expected the single key "$expr", got "${key}".`);
  const [op, value] = singleKey(expr, 'query.$expr');
  if ((VALUES as readonly string[]).includes(op)) {
    fail(
      'query.$expr',
      `"${op}" is an operand; $expr needs an operation (${OPERATIONS.join(' ')}).`,
    );
  }
  checkOperation(op, value, 'query.$expr');
  return query as WeaveQuery;
}

/** `{"$getField": field}` */
export const field = (name: string): QueryNode => ({ $getField: name });
/** `{"$literal": value}` */
export const literal = (value: unknown): QueryNode => ({ $literal: value });

/** AND of the given operations (undefined when there are none). */
export function andAll(parts: Operation[]): Operation | undefined {
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { $and: parts };
}

/** Call status as the server derives it: from `exception` and `ended_at`. */
export type CallStatusFilter = 'error' | 'success' | 'running';

/** The operation selecting calls of one status (error: has an exception; running: no end). */
export function statusCondition(status: CallStatusFilter): Operation {
  const noException = { $eq: [field('exception'), literal(null)] };
  const notEnded = { $eq: [field('ended_at'), literal(null)] };
  if (status === 'error') return { $not: [noException] };
  if (status === 'running') return { $and: [noException, notEnded] };
  return { $and: [noException, { $not: [notEnded] }] };
}

/**
 * The operations bounding `started_at`. Bounds are ISO strings with microseconds and `+00:00`:
 * ClickHouse parses them, and the SQLite server compares `started_at` as text in exactly the
 * form Python's isoformat() wrote it.
 */
export function startedWithin(after?: Date, before?: Date): Operation[] {
  const parts: Operation[] = [];
  if (after) parts.push({ $gte: [field('started_at'), literal(pythonIso(after))] });
  if (before) parts.push({ $lt: [field('started_at'), literal(pythonIso(before))] });
  return parts;
}

function pythonIso(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000+00:00`;
}

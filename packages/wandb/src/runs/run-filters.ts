import { InvalidInputError } from '@mlops-mcp/core';

/** The query operators W&B's run search accepts (the Mongo subset its runs filter supports). */
export const WANDB_FILTER_OPERATORS = [
  '$and',
  '$or',
  '$nor',
  '$not',
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$regex',
] as const;

const LOGICAL = new Set(['$and', '$or', '$nor']);
const FIELD_OPERATORS = new Set<string>(WANDB_FILTER_OPERATORS.filter((op) => !LOGICAL.has(op)));
const LIST_OPERATORS = new Set(['$in', '$nin']);
const MAX_DEPTH = 12;

const EXAMPLE =
  '{"$and": [{"state": "finished"}, {"summary_metrics.eval/accuracy": {"$gt": 0.8}}, {"config.optimizer": {"$in": ["adamw", "lion"]}}, {"tags": "baseline"}]}';

/**
 * Checks a W&B run filter before it is sent: it must parse as a JSON object and use only the
 * operators W&B supports, each where it belongs (logical operators at the top of a clause with a
 * list of clauses; comparison operators under a field path such as `config.lr`,
 * `summary_metrics.acc`, `state`, `tags`, `createdAt`). An unknown `$op` is rejected naming the
 * path it was found at. Returns the filter re-serialised compactly.
 */
export function validateRunFilters(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('`filters` is not valid JSON.');
  }
  if (!isPlainObject(value))
    throw invalid('`filters` must be a JSON object, e.g. {"state": "finished"}.');
  checkClause(value, 'filters', 0);
  return JSON.stringify(value);
}

function checkClause(clause: Record<string, unknown>, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw invalid(`${path}: filters nest deeper than ${MAX_DEPTH} levels.`);
  for (const [key, condition] of Object.entries(clause)) {
    const at = `${path}.${key}`;
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key)) {
        throw invalid(
          FIELD_OPERATORS.has(key)
            ? `${at}: ${key} must be nested under a field, e.g. {"summary_metrics.acc": {"${key}": ...}}.`
            : unknownOperator(key, path),
        );
      }
      if (!Array.isArray(condition) || condition.length === 0) {
        throw invalid(`${at}: ${key} takes a non-empty list of filter objects.`);
      }
      condition.forEach((part, index) => {
        if (!isPlainObject(part))
          throw invalid(`${at}[${index}]: each ${key} entry must be a filter object.`);
        checkClause(part, `${at}[${index}]`, depth + 1);
      });
      continue;
    }
    if (key.trim() === '') throw invalid(`${path}: field paths cannot be empty.`);
    checkCondition(condition, at, depth + 1);
  }
}

function checkCondition(condition: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw invalid(`${path}: filters nest deeper than ${MAX_DEPTH} levels.`);
  if (!isPlainObject(condition)) return;
  const keys = Object.keys(condition);
  if (!keys.some((key) => key.startsWith('$'))) return;
  for (const [op, operand] of Object.entries(condition)) {
    if (!op.startsWith('$'))
      throw invalid(`${path}: do not mix operators and plain keys in one condition.`);
    if (LOGICAL.has(op))
      throw invalid(`${path}.${op}: ${op} belongs at the top of a clause, not under a field.`);
    if (!FIELD_OPERATORS.has(op)) throw invalid(unknownOperator(op, path));
    if (LIST_OPERATORS.has(op) && !Array.isArray(operand))
      throw invalid(`${path}.${op}: ${op} takes a list.`);
    if (op === '$regex' && typeof operand !== 'string')
      throw invalid(`${path}.${op}: $regex takes a string.`);
    if (op === '$exists' && typeof operand !== 'boolean')
      throw invalid(`${path}.${op}: $exists takes true or false.`);
    if (op === '$not') checkCondition(operand, `${path}.$not`, depth + 1);
  }
}

function unknownOperator(op: string, path: string): string {
  return `${path}: unknown operator "${op}". W&B supports ${WANDB_FILTER_OPERATORS.join(' ')}.`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(message: string): InvalidInputError {
  return new InvalidInputError(message, {
    backend: 'wandb',
    field: 'filters',
    hint: `W&B filters are MongoDB-style JSON, e.g. ${EXAMPLE}`,
  });
}

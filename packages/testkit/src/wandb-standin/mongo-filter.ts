import { wandbDateTime } from './python-json.js';
import type { StandinRun } from './standin-model.js';

/**
 * Evaluates W&B's Mongo-style run filters against a stand-in run, for the operators W&B's run
 * search accepts: $and $or $nor $not $eq $ne $gt $gte $lt $lte $in $nin $exists $regex. An
 * unknown operator is an error, as on W&B. Paths: `config.<key>` (with or without W&B's
 * `.value` suffix), `summary_metrics.<key>`, and the run attributes listed in `attribute`.
 */
export function matchesFilter(run: StandinRun, filter: unknown): boolean {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new Error('filters must be a JSON object');
  }
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return asList(condition, key).every((part) => matchesFilter(run, part));
    if (key === '$or') return asList(condition, key).some((part) => matchesFilter(run, part));
    if (key === '$nor') return !asList(condition, key).some((part) => matchesFilter(run, part));
    if (key.startsWith('$')) throw new Error(`invalid filters: unknown operator ${key}`);
    return matchesCondition(valueAt(run, key), condition, key);
  });
}

function asList(value: unknown, op: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`invalid filters: ${op} needs a list`);
  return value;
}

function matchesCondition(actual: unknown, condition: unknown, path: string): boolean {
  const isOperatorObject =
    condition !== null &&
    typeof condition === 'object' &&
    !Array.isArray(condition) &&
    Object.keys(condition).some((key) => key.startsWith('$'));
  if (!isOperatorObject) return equals(actual, condition);
  return Object.entries(condition as Record<string, unknown>).every(([op, operand]) => {
    switch (op) {
      case '$eq':
        return equals(actual, operand);
      case '$ne':
        return !equals(actual, operand);
      case '$gt':
        return compare(actual, operand) > 0;
      case '$gte':
        return compare(actual, operand) >= 0;
      case '$lt':
        return compare(actual, operand) < 0;
      case '$lte':
        return compare(actual, operand) <= 0;
      case '$in':
        return asList(operand, op).some((item) => equals(actual, item));
      case '$nin':
        return !asList(operand, op).some((item) => equals(actual, item));
      case '$exists':
        return (actual !== undefined && actual !== null) === Boolean(operand);
      case '$regex':
        return typeof actual === 'string' && new RegExp(String(operand)).test(actual);
      case '$not':
        return !matchesCondition(actual, operand, path);
      default:
        throw new Error(`invalid filters: unknown operator ${op} at ${path}`);
    }
  });
}

/** Mongo semantics: an array field equals a scalar when it contains it. */
function equals(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual) && !Array.isArray(expected))
    return actual.some((a) => equals(a, expected));
  if (typeof actual === 'number' && typeof expected === 'number') return actual === expected;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/** Orders numbers numerically and everything else (dates as ISO text) as strings; -1/0/1, NaN when incomparable. */
export function compare(actual: unknown, operand: unknown): number {
  if (typeof actual === 'number' && typeof operand === 'number') {
    if (Number.isNaN(actual) || Number.isNaN(operand)) return Number.NaN;
    return actual === operand ? 0 : actual < operand ? -1 : 1;
  }
  if (typeof actual === 'string' && typeof operand === 'string') {
    return actual === operand ? 0 : actual < operand ? -1 : 1;
  }
  return Number.NaN;
}

/** The value a filter or order path names on a run. */
export function valueAt(run: StandinRun, path: string): unknown {
  if (path.startsWith('config.')) {
    const keys = path.slice('config.'.length).split('.');
    if (keys.at(-1) === 'value' && keys.length > 1) keys.pop();
    const [head, ...rest] = keys;
    return dig(run.config[head ?? '']?.value, rest);
  }
  if (path.startsWith('summary_metrics.')) {
    const [head, ...rest] = path.slice('summary_metrics.'.length).split('.');
    // Summary keys may contain slashes ("eval/loss") but not dots; nested dicts are dug into.
    return dig(run.summary[head ?? ''], rest);
  }
  return attribute(run, path);
}

function dig(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function attribute(run: StandinRun, path: string): unknown {
  switch (path) {
    case 'name':
      return run.name;
    case 'displayName':
    case 'display_name':
      return run.displayName;
    case 'state':
      return run.state;
    case 'tags':
      return run.tags;
    case 'group':
      return run.group;
    case 'jobType':
    case 'job_type':
      return run.jobType;
    case 'host':
      return run.host;
    case 'sweep':
      return run.sweep;
    case 'username':
      return run.username;
    case 'createdAt':
    case 'created_at':
      return wandbDateTime(run.createdAt);
    case 'heartbeatAt':
    case 'heartbeat_at':
      return wandbDateTime(run.heartbeatAt);
    default:
      return undefined;
  }
}

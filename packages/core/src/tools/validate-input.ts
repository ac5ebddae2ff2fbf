import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/**
 * Validates a tool's arguments the way a model needs: every problem named with its path, what
 * was expected and what was given, and unknown arguments refused instead of dropped. zod objects
 * strip keys they do not know, so `{"query": "..."}` on a tool without `query` would run with no
 * filter at all and answer "everything", silently; here it is an invalid_input naming the
 * unknown key, the valid ones and the closest match.
 *
 * Over 300 lines on purpose: one algorithm (walk the schema, collect issues, suggest the closest
 * key) whose helpers share private zod-shape types; split, each part would import the others.
 */

/** At most this many problems are described in one error. */
const MAX_ISSUES = 5;
/** Arrays longer than this are checked for unknown keys in their first items only. */
const MAX_ITEMS_WALKED = 50;

/** One problem with the arguments, as the error lists it. */
export interface InputIssue {
  /** Dotted path of the argument, e.g. `filter.flow_runs.state`. */
  field: string;
  message: string;
  expected?: string;
  received?: string;
}

/** What an invalid_input error from {@link parseToolInput} carries beside kind/message/hint. */
export interface InputErrorDetails {
  /** Every problem found (at most {@link MAX_ISSUES}), in order. */
  issues: InputIssue[];
  /** Paths of arguments the tool does not have. */
  unknown?: string[];
  /** For each unknown path, the path to use instead (a close name, or where the key belongs). */
  didYouMean?: Record<string, string>;
  /** The valid keys where the first unknown key was given (the tool's arguments at top level). */
  valid?: string[];
}

/**
 * Parses `args` with a tool's input schema. Returns the parsed value, or throws an
 * InvalidInputError whose `details` are {@link InputErrorDetails}.
 */
export function parseToolInput<S extends z.ZodType>(
  toolName: string,
  schema: S,
  args: unknown,
): z.output<S> {
  const input = args ?? {};
  const result = schema.safeParse(input);
  const objects = new Map<string, ZodObjectLike>();
  const unknown = new Map<string, UnknownKey>();
  walk(schema, input, [], objects, unknown);
  const problems: InputIssue[] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Strict objects report these too; the walk already has them unless it could not reach
      // the object (a union branch it did not pick).
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const id = pathString(path);
        if (!unknown.has(id)) {
          unknown.set(id, { path, key, owner: objects.get(pathString(issue.path)) });
        }
      }
      continue;
    }
    problems.push(describeIssue(issue, input));
  }
  if (unknown.size === 0 && result.success) return result.data;

  const unknownIssues: InputIssue[] = [];
  const didYouMean: Record<string, string> = {};
  for (const [id, entry] of unknown) {
    const replacement = suggest(entry);
    if (replacement !== undefined) didYouMean[id] = replacement;
    const where = entry.path.length > 1 ? ` in ${pathString(entry.path.slice(0, -1))}` : '';
    unknownIssues.push({
      field: id,
      message:
        `unknown ${entry.path.length > 1 ? 'key' : 'argument'} "${entry.key}"${where}` +
        (replacement === undefined ? '' : `; did you mean "${replacement}"?`),
    });
  }
  const all = [...unknownIssues, ...problems];
  const shown = all.slice(0, MAX_ISSUES);
  const first = shown[0] as InputIssue;
  const more = all.length > shown.length ? `; and ${all.length - shown.length} more` : '';
  const details: InputErrorDetails = { issues: shown };
  let hint: string;
  if (unknown.size > 0) {
    const firstUnknown = unknown.values().next().value as UnknownKey;
    const valid = firstUnknown.owner ? Object.keys(firstUnknown.owner._zod.def.shape) : [];
    details.unknown = [...unknown.keys()];
    if (Object.keys(didYouMean).length > 0) details.didYouMean = didYouMean;
    details.valid = valid;
    const renames = Object.entries(didYouMean).map(([from, to]) => `"${to}" for "${from}"`);
    const where =
      firstUnknown.path.length > 1
        ? `keys of ${pathString(firstUnknown.path.slice(0, -1))}`
        : `arguments of ${toolName}`;
    hint =
      (renames.length > 0 ? `Call again with ${renames.join(', ')}. ` : '') +
      `Unknown keys are refused, not ignored. Valid ${where}: ${valid.join(', ') || 'none'}.`;
  } else {
    hint = issueHint(first);
  }
  throw new InvalidInputError(
    `Invalid arguments for ${toolName}: ${shown.map((issue) => `${issue.field || '(arguments)'}: ${issue.message}`).join('; ')}${more}.`,
    { field: first.field || undefined, hint, details },
  );
}

// zod's internals, as far as this walk needs them (zod 4 `_zod.def`).
interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  catchall?: ZodLike;
  innerType?: ZodLike;
  element?: ZodLike;
  valueType?: ZodLike;
  options?: ZodLike[];
  in?: ZodLike;
  out?: ZodLike;
  getter?: () => ZodLike;
}
interface ZodLike {
  _zod: { def: ZodDef };
  safeParse(value: unknown): { success: boolean };
}
interface ZodObjectLike extends ZodLike {
  _zod: { def: ZodDef & { shape: Record<string, ZodLike> } };
}

interface UnknownKey {
  path: PropertyKey[];
  key: string;
  /** The object schema the key was given to, when known. */
  owner: ZodObjectLike | undefined;
}

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
  'success',
]);

/** The schema under wrappers (optional, default, ...) and lazies. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return current;
}

/** The object schemas a value given to `schema` is checked against (both sides of a pipe). */
function objectsOf(schema: ZodLike): ZodObjectLike[] {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'object') return [inner as ZodObjectLike];
  if (def.type === 'pipe' && def.in && def.out)
    return [...objectsOf(def.in), ...objectsOf(def.out)];
  return [];
}

/** Closed objects reject (strict) or strip (zod's default) keys they do not know. */
function isClosed(object: ZodObjectLike): boolean {
  const catchall = object._zod.def.catchall;
  return catchall === undefined || catchall._zod.def.type === 'never';
}

/** Records every key of `value` that a closed object schema in `schema` does not know. */
function walk(
  schema: ZodLike,
  value: unknown,
  path: PropertyKey[],
  objects: Map<string, ZodObjectLike>,
  unknown: Map<string, UnknownKey>,
): void {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (value === null || typeof value !== 'object') return;
  switch (def.type) {
    case 'object': {
      const object = inner as ZodObjectLike;
      objects.set(pathString(path), object);
      const shape = object._zod.def.shape;
      for (const [key, child] of Object.entries(value)) {
        const at = [...path, key];
        const known = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (known) walk(known, child, at, objects, unknown);
        else if (isClosed(object)) unknown.set(pathString(at), { path: at, key, owner: object });
        else if (object._zod.def.catchall)
          walk(object._zod.def.catchall, child, at, objects, unknown);
      }
      return;
    }
    case 'pipe':
      if (def.in) walk(def.in, value, path, objects, unknown);
      if (def.out) walk(def.out, value, path, objects, unknown);
      return;
    case 'array':
      if (def.element && Array.isArray(value)) {
        value.slice(0, MAX_ITEMS_WALKED).forEach((item, index) => {
          walk(def.element as ZodLike, item, [...path, index], objects, unknown);
        });
      }
      return;
    case 'record':
      if (def.valueType && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value)) {
          walk(def.valueType, child, [...path, key], objects, unknown);
        }
      }
      return;
    case 'union': {
      // The branch the value is for: the first that accepts it, else the first of its kind.
      const options = def.options ?? [];
      const chosen =
        options.find((option) => option.safeParse(value).success) ??
        options.find(
          (option) =>
            (unwrap(option)._zod.def.type === 'array') === Array.isArray(value) &&
            unwrap(option)._zod.def.type !== 'record',
        );
      if (chosen) walk(chosen, value, path, objects, unknown);
      return;
    }
    default:
      return;
  }
}

/** Normalised for comparison: lower case, without `_`, `-` and spaces. */
function normal(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

/**
 * Names models commonly use for an argument that tools here call otherwise, by normalised name.
 * The first candidate the object has wins.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  query: ['filter', 'filters', 'nameLike'],
  q: ['query', 'filter', 'filters', 'nameLike'],
  search: ['query', 'filter', 'filters', 'nameLike'],
  where: ['filter', 'filters'],
  filterstring: ['filter', 'query'],
  maxresults: ['limit', 'top'],
  pagesize: ['limit'],
  perpage: ['limit'],
  count: ['limit', 'top'],
  n: ['limit', 'top'],
  k: ['top', 'limit'],
  size: ['limit'],
  pagetoken: ['cursor'],
  nextpagetoken: ['cursor'],
  nextcursor: ['cursor'],
  sortby: ['orderBy', 'order', 'sort'],
  orderby: ['orderBy', 'order', 'sort'],
  sort: ['orderBy', 'order', 'sort'],
  order: ['orderBy', 'order', 'sort', 'direction'],
  projectname: ['project'],
  entityname: ['entity'],
  experimentname: ['experiment', 'name'],
  experiment: ['experimentIds', 'experimentId'],
  experimentid: ['experimentIds', 'experiment'],
  runid: ['runIds', 'run'],
  run: ['runId', 'runIds', 'runs'],
  runs: ['runIds', 'run'],
  state: ['stateTypes', 'status'],
  states: ['stateTypes', 'stateNames', 'status'],
  status: ['stateTypes', 'statuses'],
  statuses: ['status', 'stateTypes'],
  window: ['since', 'startedAfter'],
  lookback: ['since', 'startedAfter'],
  after: ['since', 'startedAfter'],
  from: ['since', 'startedAfter'],
  starttime: ['since', 'startedAfter'],
  before: ['until', 'startedBefore'],
  to: ['until', 'startedBefore'],
  endtime: ['until', 'startedBefore'],
  metrickey: ['metric', 'key', 'keys'],
  metricname: ['metric', 'key', 'keys'],
};

/**
 * The path to use instead of an unknown key, most certain first: the same name in another
 * spelling (`experiment_id` for `experimentId`); a key of a nested object given one level too
 * high (`state` in a Prefect filter belongs in `flow_runs`); a known synonym; a name sharing a
 * long prefix or within a small edit distance. Undefined when nothing is close enough.
 */
function suggest(entry: UnknownKey): string | undefined {
  if (!entry.owner) return undefined;
  const parent = entry.path.slice(0, -1);
  const shape = entry.owner._zod.def.shape;
  const keys = Object.keys(shape);
  const at = (key: string) => pathString([...parent, key]);
  const wanted = normal(entry.key);
  const sameName = keys.find((key) => normal(key) === wanted);
  if (sameName) return at(sameName);
  for (const key of keys) {
    for (const child of objectsOf(shape[key] as ZodLike)) {
      if (Object.hasOwn(child._zod.def.shape, entry.key))
        return pathString([...parent, key, entry.key]);
    }
  }
  const synonym = SYNONYMS[wanted]?.find((candidate) => keys.includes(candidate));
  if (synonym) return at(synonym);
  let best: { key: string; score: number } | undefined;
  for (const key of keys) {
    const candidate = normal(key);
    // A name is not an id: `experiment_name` must not become `experimentIds`.
    if (/name$/.test(wanted) && /ids?$/.test(candidate)) continue;
    const prefix = commonPrefix(wanted, candidate);
    const distance = editDistance(wanted, candidate);
    const shorter = Math.min(wanted.length, candidate.length);
    const close =
      (prefix >= 4 && prefix >= Math.ceil(shorter / 2)) ||
      distance <= Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 4));
    if (!close) continue;
    const score = distance - prefix;
    if (best === undefined || score < best.score) best = { key, score };
  }
  return best && at(best.key);
}

function commonPrefix(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  return index;
}

/** Levenshtein distance (names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function pathString(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short rendering of what was given. */
function brief(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): InputIssue {
  const field = pathString(issue.path);
  const given = valueAt(input, issue.path);
  const described: InputIssue = { field, message: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      described.expected = issue.expected;
      described.message = given === undefined ? 'required' : `expected ${issue.expected}`;
      break;
    case 'invalid_value':
      described.expected = `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
      described.message = 'not an allowed value';
      break;
    case 'too_big':
    case 'too_small': {
      const unit =
        issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const op =
        issue.code === 'too_big'
          ? issue.inclusive
            ? 'at most'
            : 'less than'
          : issue.inclusive
            ? 'at least'
            : 'more than';
      described.expected = `${op} ${String(bound)}${unit}`;
      described.message = issue.code === 'too_big' ? 'too big' : 'too small';
      break;
    }
    case 'invalid_format':
      described.expected =
        issue.format === 'regex' && issue.pattern ? `text matching ${issue.pattern}` : issue.format;
      described.message = 'wrong format';
      break;
    default:
      break;
  }
  if (given !== undefined || issue.code !== 'invalid_type') described.received = brief(given);
  return described;
}

function issueHint(issue: InputIssue): string {
  if (issue.message === 'required')
    return `Add the required argument "${issue.field}" and call again.`;
  if (issue.expected)
    return `Give ${issue.field || 'the arguments'} as ${issue.expected} and call again.`;
  return 'Fix the arguments named in the message and call again.';
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MlopsError } from '../errors.js';
import { type InputErrorDetails, parseToolInput } from './validate-input.js';

// Shaped like the real tools: a plain (stripping) argument object, and a Prefect-style filter
// that is listed as a record but validated by strict nested objects.
const SearchRuns = z.object({
  experiment: z.string().max(200).optional(),
  status: z.array(z.enum(['running', 'finished', 'failed', 'killed'])).optional(),
  tag: z.object({ key: z.string(), value: z.string() }).optional(),
  orderBy: z.string().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
const FlowRunFilter = z
  .object({
    state: z
      .object({ type: z.object({ any_: z.array(z.string()) }).strict() })
      .strict()
      .optional(),
    name: z.object({ like_: z.string() }).strict().optional(),
  })
  .strict();
const Filter = z
  .object({
    flows: z
      .object({ name: z.object({ like_: z.string() }).strict() })
      .strict()
      .optional(),
    flow_runs: FlowRunFilter.optional(),
  })
  .strict();
const ListFlowRuns = z.object({
  stateTypes: z.array(z.string()).optional(),
  stateNames: z.array(z.string()).optional(),
  filter: z.record(z.string(), z.unknown()).pipe(Filter).optional(),
  experimentIds: z.array(z.string()).optional(),
});

function refusal(
  schema: z.ZodType,
  args: unknown,
): { error: MlopsError; details: InputErrorDetails } {
  try {
    parseToolInput('a_tool', schema, args);
  } catch (error) {
    if (!MlopsError.isInstance(error)) throw error;
    return { error, details: error.details as InputErrorDetails };
  }
  throw new Error('expected a refusal');
}

describe('parseToolInput', () => {
  it('returns the parsed arguments, defaults applied, when they are valid', () => {
    expect(parseToolInput('a_tool', SearchRuns, { experiment: 'x' })).toEqual({
      experiment: 'x',
      limit: 20,
    });
    expect(parseToolInput('a_tool', SearchRuns, undefined)).toEqual({ limit: 20 });
  });

  it('refuses an unknown argument that zod would strip, naming it and the valid arguments', () => {
    const { error, details } = refusal(SearchRuns, { query: 'accuracy > 0.9' });
    expect(error.kind).toBe('invalid_input');
    expect(error.field).toBe('query');
    expect(details.unknown).toEqual(['query']);
    expect(details.valid).toEqual(['experiment', 'status', 'tag', 'orderBy', 'limit']);
    expect(error.message).toContain('unknown argument "query"');
    expect(error.hint).toContain('experiment, status, tag, orderBy, limit');
  });

  it('suggests the closest valid name: another spelling, a prefix, a synonym, a typo', () => {
    expect(refusal(SearchRuns, { experiment_name: 'x' }).details.didYouMean).toEqual({
      experiment_name: 'experiment',
    });
    expect(refusal(SearchRuns, { order_by: 'x' }).details.didYouMean).toEqual({
      order_by: 'orderBy',
    });
    expect(refusal(SearchRuns, { max_results: 5 }).details.didYouMean).toEqual({
      max_results: 'limit',
    });
    expect(refusal(SearchRuns, { experimnt: 'x' }).details.didYouMean).toEqual({
      experimnt: 'experiment',
    });
    expect(refusal(ListFlowRuns, { query: 'x' }).details.didYouMean).toEqual({ query: 'filter' });
    expect(
      refusal(z.object({ since: z.string().optional() }), { window: '7d' }).details.didYouMean,
    ).toEqual({ window: 'since' });
    expect(refusal(ListFlowRuns, { state: ['FAILED'] }).details.didYouMean).toEqual({
      state: 'stateTypes',
    });
  });

  it('does not turn a name into an id, and suggests nothing when nothing is close', () => {
    expect(refusal(ListFlowRuns, { experiment_name: 'x' }).details.didYouMean).toBeUndefined();
    expect(refusal(SearchRuns, { colour: 'red' }).details.didYouMean).toBeUndefined();
  });

  it('refuses an unknown key inside a nested object that zod would strip', () => {
    const { error, details } = refusal(SearchRuns, { tag: { key: 'a', value: 'b', op: '=' } });
    expect(details.unknown).toEqual(['tag.op']);
    expect(details.valid).toEqual(['key', 'value']);
    expect(error.field).toBe('tag.op');
  });

  it('says where a flat filter key belongs: state goes under flow_runs', () => {
    const { error, details } = refusal(ListFlowRuns, {
      filter: { state: { type: { any_: ['FAILED'] } } },
    });
    expect(details.unknown).toEqual(['filter.state']);
    expect(details.didYouMean).toEqual({ 'filter.state': 'filter.flow_runs.state' });
    expect(details.valid).toEqual(['flows', 'flow_runs']);
    expect(error.hint).toContain('"filter.flow_runs.state" for "filter.state"');
  });

  it('names every problem at once, with what was expected and what was given', () => {
    const { error, details } = refusal(SearchRuns, {
      experiment: 7,
      status: ['crashed'],
      limit: 500,
      colour: 'red',
    });
    expect(details.issues).toEqual([
      { field: 'colour', message: 'unknown argument "colour"' },
      { field: 'experiment', message: 'expected string', expected: 'string', received: '7' },
      {
        field: 'status.0',
        message: 'not an allowed value',
        expected: 'one of "running", "finished", "failed", "killed"',
        received: '"crashed"',
      },
      { field: 'limit', message: 'too big', expected: 'at most 100', received: '500' },
    ]);
    expect(error.message).toContain('experiment: expected string');
    expect(error.message).toContain('limit: too big');
  });

  it('names a missing required argument and says to add it', () => {
    const { error, details } = refusal(z.object({ runId: z.string() }), {});
    expect(details.issues).toEqual([{ field: 'runId', message: 'required', expected: 'string' }]);
    expect(error.hint).toBe('Add the required argument "runId" and call again.');
  });

  it('describes at most five problems and counts the rest', () => {
    const args = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`extra${i}`, i]));
    const { error, details } = refusal(SearchRuns, args);
    expect(details.issues).toHaveLength(5);
    expect(details.unknown).toHaveLength(8);
    expect(error.message).toContain('and 3 more');
  });

  it('leaves open objects and records alone', () => {
    const Open = z.object({ params: z.record(z.string(), z.unknown()), meta: z.looseObject({}) });
    expect(parseToolInput('a_tool', Open, { params: { anything: 1 }, meta: { x: 1 } })).toEqual({
      params: { anything: 1 },
      meta: { x: 1 },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { compact, mergeFilters } from './merge-filters.js';

describe('mergeFilters', () => {
  it('merges disjoint branches of the simple and structured filters', () => {
    expect(
      mergeFilters(
        { flow_runs: { tags: { all_: ['a'] } } },
        { flow_runs: { name: { like_: 'x' } }, flows: {} },
      ),
    ).toEqual({ flow_runs: { tags: { all_: ['a'] }, name: { like_: 'x' } }, flows: {} });
  });

  it('refuses a leaf set both ways, naming its path', () => {
    expect(() =>
      mergeFilters(
        { flow_runs: { tags: { all_: ['a'] } } },
        { flow_runs: { tags: { all_: ['b'] } } },
      ),
    ).toThrow(expect.objectContaining({ field: 'filter.flow_runs.tags.all_' }));
  });
});

describe('compact', () => {
  it('drops undefined values and objects left empty', () => {
    expect(compact({ a: { b: undefined, c: { d: undefined } }, e: 1 })).toEqual({ e: 1 });
    expect(compact({ a: undefined })).toBeUndefined();
  });
});

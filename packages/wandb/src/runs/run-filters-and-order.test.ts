import { MlopsError } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { validateRunFilters } from './run-filters.js';
import { normalizeRunOrder } from './run-order.js';

function rejection(run: () => unknown): MlopsError {
  try {
    run();
  } catch (error) {
    if (MlopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('W&B run filters', () => {
  it('accepts every supported operator in its place and re-serialises compactly', () => {
    const filter = {
      $or: [
        { state: { $in: ['finished', 'crashed'] }, tags: { $nin: ['junk'] } },
        { 'summary_metrics.acc': { $gte: 0.8, $lt: 1 }, 'config.lr': { $not: { $gt: 0.1 } } },
      ],
      $nor: [{ group: { $regex: '^tmp' } }, { notes: { $exists: true } }],
      $and: [
        { jobType: { $eq: 'train', $ne: 'eval' } },
        { createdAt: { $gt: '2025-01-01T00:00:00', $lte: '2026-01-01' } },
      ],
    };
    expect(validateRunFilters(JSON.stringify(filter, null, 2))).toBe(JSON.stringify(filter));
  });

  it('names the path of an unknown operator nested in a logical clause', () => {
    const error = rejection(() =>
      validateRunFilters('{"$or": [{"state": "finished"}, {"config.lr": {"$near": 1}}]}'),
    );
    expect(error.message).toContain('filters.$or[1].config.lr: unknown operator "$near"');
    expect(error.field).toBe('filters');
  });

  it('rejects an unknown top-level operator', () => {
    expect(rejection(() => validateRunFilters('{"$where": "1"}')).message).toContain(
      'unknown operator "$where"',
    );
  });

  it('rejects a field operator used without a field', () => {
    expect(rejection(() => validateRunFilters('{"$in": ["a"]}')).message).toContain(
      'must be nested under a field',
    );
  });

  it('rejects a logical operator without a list of clauses', () => {
    expect(
      rejection(() => validateRunFilters('{"$and": {"state": "finished"}}')).message,
    ).toContain('non-empty list');
  });

  it('rejects operand types W&B would refuse', () => {
    expect(rejection(() => validateRunFilters('{"tags": {"$in": "a"}}')).message).toContain(
      '$in takes a list',
    );
    expect(rejection(() => validateRunFilters('{"name": {"$regex": 1}}')).message).toContain(
      '$regex takes a string',
    );
  });

  it('rejects text that is not a JSON object', () => {
    expect(rejection(() => validateRunFilters('state = finished')).message).toContain(
      'not valid JSON',
    );
    expect(rejection(() => validateRunFilters('[1]')).message).toContain('JSON object');
  });
});

describe('W&B run order', () => {
  it('adds the sign and the .value suffix config keys need', () => {
    expect(normalizeRunOrder('config.lr')).toBe('+config.lr.value');
    expect(normalizeRunOrder('-config.lr.value')).toBe('-config.lr.value');
    expect(normalizeRunOrder('-summary_metrics.eval/acc')).toBe('-summary_metrics.eval/acc');
    expect(normalizeRunOrder('created_at')).toBe('+created_at');
  });

  it('rejects SQL-style orders', () => {
    expect(rejection(() => normalizeRunOrder('metrics.acc DESC')).field).toBe('order');
  });
});

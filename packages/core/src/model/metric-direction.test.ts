import { describe, expect, it } from 'vitest';
import { directionFromName, resolveMetricDirection } from './metric-direction.js';

describe('metric direction from the name', () => {
  it.each([
    ['val/loss', 'asc'],
    ['train_loss', 'asc'],
    ['eval/rmse', 'asc'],
    ['perplexity', 'asc'],
    ['p95LatencyMs', 'asc'],
    ['error_rate', 'asc'],
    ['val/accuracy', 'desc'],
    ['eval/f1', 'desc'],
    ['roc_auc', 'desc'],
    ['r2', 'desc'],
    ['bleu_score', 'desc'],
    ['acc@1', 'desc'],
  ])('%s is %s', (metric, direction) => {
    expect(directionFromName(metric)?.direction).toBe(direction);
  });

  it('lets the last telling word win', () => {
    expect(directionFromName('loss_reduction_score')?.direction).toBe('desc');
  });

  it('says nothing for a name without a telling word', () => {
    expect(directionFromName('epoch')).toBeUndefined();
  });
});

describe('resolveMetricDirection', () => {
  it('keeps a given direction and says so', () => {
    expect(resolveMetricDirection('val/loss', 'desc')).toEqual({
      direction: 'desc',
      directionSource: 'given',
      directionNote: 'higher is better (given)',
    });
  });

  it('infers lower-is-better from a loss name and names the word', () => {
    const ranked = resolveMetricDirection('val/loss', undefined);
    expect(ranked).toMatchObject({ direction: 'asc', directionSource: 'name' });
    expect(ranked.directionNote).toContain('"loss"');
  });

  it('marks a guess and says how to override it', () => {
    const ranked = resolveMetricDirection('epoch', undefined, 'orderBy.direction');
    expect(ranked).toMatchObject({ direction: 'desc', directionSource: 'guess' });
    expect(ranked.directionNote).toContain('orderBy.direction "asc"');
  });
});

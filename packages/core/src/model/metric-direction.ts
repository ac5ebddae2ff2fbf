import { z } from 'zod';

/** Which end of a metric is best: `asc` = lower is better (losses), `desc` = higher is better. */
export const MetricDirectionSchema = z.enum(['asc', 'desc']);
export type MetricDirection = z.infer<typeof MetricDirectionSchema>;

/**
 * How a ranking's direction was chosen, said beside every ranking so a model can tell an
 * inferred order from a guess: `given` by the caller, inferred from the metric's `name`, or a
 * `guess` because the name says nothing.
 */
export const DirectionSourceSchema = z.enum(['given', 'name', 'guess']);

/** The direction a ranking used and why, in words a model can act on. */
export const RankedBySchema = z.object({
  direction: MetricDirectionSchema,
  directionSource: DirectionSourceSchema,
  directionNote: z.string(),
});
export type RankedBy = z.infer<typeof RankedBySchema>;

/** Name words meaning lower is better. */
const LOWER_IS_BETTER = new Set([
  'loss',
  'losses',
  'nll',
  'logloss',
  'error',
  'errors',
  'err',
  'rmse',
  'mse',
  'mae',
  'mape',
  'smape',
  'rmsle',
  'msle',
  'perplexity',
  'ppl',
  'latency',
  'duration',
  'time',
  'runtime',
  'seconds',
  'ms',
  'wer',
  'cer',
  'ter',
  'fpr',
  'fnr',
  'eer',
  'cost',
  'regret',
  'divergence',
  'kl',
  'fid',
  'distance',
  'bpb',
  'bpc',
  'bpd',
]);

/** Name words meaning higher is better. */
const HIGHER_IS_BETTER = new Set([
  'accuracy',
  'acc',
  'f1',
  'f1score',
  'fscore',
  'auc',
  'auroc',
  'auprc',
  'roc',
  'map',
  'precision',
  'recall',
  'r2',
  'score',
  'bleu',
  'rouge',
  'rouge1',
  'rouge2',
  'rougel',
  'meteor',
  'chrf',
  'iou',
  'miou',
  'dice',
  'ndcg',
  'mrr',
  'hits',
  'hit',
  'top1',
  'top5',
  'reward',
  'return',
  'throughput',
  'specificity',
  'sensitivity',
  'tpr',
  'kappa',
  'mcc',
  'em',
  'exact',
  'pass',
  'win',
  'winrate',
  'sharpe',
  'correlation',
  'pearson',
  'spearman',
]);

/** Words of a metric key: `val/Accuracy_top1` → val, accuracy, top1; camelCase split too. */
function words(metric: string): string[] {
  return metric
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The direction a metric's name implies, or undefined when it says nothing. The last telling
 * word wins, so `val/loss` is lower-is-better and `loss_reduction_score` higher-is-better.
 */
export function directionFromName(
  metric: string,
): { direction: MetricDirection; word: string } | undefined {
  const found = words(metric);
  for (let i = found.length - 1; i >= 0; i--) {
    const word = found[i]!;
    if (LOWER_IS_BETTER.has(word)) return { direction: 'asc', word };
    if (HIGHER_IS_BETTER.has(word)) return { direction: 'desc', word };
  }
  return undefined;
}

/**
 * The one rule every ranking tool uses: the caller's direction when given, else what the name
 * implies, else a guess of higher-is-better that says how to override it. `field` names the
 * argument that overrides it in the calling tool (e.g. "direction", "orderBy.direction").
 */
export function resolveMetricDirection(
  metric: string,
  given: MetricDirection | undefined,
  field = 'direction',
): RankedBy {
  const words = (direction: MetricDirection) =>
    direction === 'asc' ? 'lower is better' : 'higher is better';
  if (given) {
    return { direction: given, directionSource: 'given', directionNote: `${words(given)} (given)` };
  }
  const inferred = directionFromName(metric);
  if (inferred) {
    return {
      direction: inferred.direction,
      directionSource: 'name',
      directionNote: `${words(inferred.direction)}, inferred from "${inferred.word}" in the name; pass ${field} to override`,
    };
  }
  return {
    direction: 'desc',
    directionSource: 'guess',
    directionNote: `a guess: the name "${metric.slice(0, 80)}" does not say which end is best, so higher is ranked first; pass ${field} "asc" if lower is better`,
  };
}

import type { SystemMetrics } from '../history/system-metrics.js';
import type { WandbMetricSeries } from '../history/wandb-metric-series.js';
import type { DiagnosisSign, RunDiagnosis } from './run-diagnosis-schema.js';
import type { WandbRun } from './wandb-run.js';

/** A running run without a heartbeat for this long has probably died without reporting. */
export const STALE_HEARTBEAT_SECONDS = 600;
/** GPU memory use (percent of capacity) that counts as near capacity. */
export const GPU_MEMORY_NEAR_CAPACITY = 95;
/** The loss counts as rising when the mean of its last tenth exceeds its minimum by this factor. */
export const LOSS_RISE_FACTOR = 1.2;

/** Summary keys tried, in order, as the run's loss when none is named. */
export const LOSS_KEYS = [
  'loss',
  'train/loss',
  'train_loss',
  'training_loss',
  'val/loss',
  'eval/loss',
];

/**
 * Diagnoses a run from its facts: state, heartbeat age, summary (NaN/Infinity), the tail of its
 * loss history and its GPU memory. `run` must carry internal summary keys (`_step`, `_runtime`).
 */
export function diagnoseRun(
  run: WandbRun,
  evidence: {
    now: number;
    loss?: WandbMetricSeries | undefined;
    system?: SystemMetrics | undefined;
  },
): RunDiagnosis {
  const signs: DiagnosisSign[] = [];
  const diagnosis: RunDiagnosis = {
    run: run.ref,
    status: run.status,
    rawStatus: run.rawStatus,
    verdict: 'healthy',
    signs,
  };
  if (run.name) diagnosis.name = run.name;
  if (run.lastStep !== undefined) diagnosis.lastStep = run.lastStep;
  if (run.durationMs !== undefined) diagnosis.runtimeSeconds = Math.round(run.durationMs / 1000);
  if (run.heartbeatAt)
    diagnosis.heartbeatAgeSeconds = Math.round((evidence.now - Date.parse(run.heartbeatAt)) / 1000);

  if (run.rawStatus === 'crashed') {
    signs.push({
      code: 'run_crashed',
      severity: 'error',
      message:
        'W&B marked the run crashed: its process stopped sending heartbeats without reporting an exit ' +
        '(killed by the OS or scheduler, OOM, node loss). W&B GraphQL does not expose the exit code; check output.log ' +
        '(wandb_list_run_files).',
    });
  } else if (run.rawStatus === 'failed') {
    signs.push({
      code: 'run_failed',
      severity: 'error',
      message: 'The run exited with a non-zero status.',
    });
  } else if (run.rawStatus === 'killed') {
    signs.push({
      code: 'run_killed',
      severity: 'warning',
      message: 'The run was stopped by a user or the scheduler.',
    });
  }
  if (
    run.status === 'running' &&
    diagnosis.heartbeatAgeSeconds !== undefined &&
    diagnosis.heartbeatAgeSeconds > STALE_HEARTBEAT_SECONDS
  ) {
    signs.push({
      code: 'stale_heartbeat',
      severity: 'warning',
      message: `The run says running but its last heartbeat was ${formatAge(diagnosis.heartbeatAgeSeconds)} ago; the process may be hung or dead (W&B marks it crashed later).`,
    });
  }
  const nonFinite = Object.entries(run.summary ?? {})
    .filter(([, value]) => value === 'NaN' || value === 'Infinity' || value === '-Infinity')
    .map(([key, value]) => `${key}=${String(value)}`);
  if (nonFinite.length > 0) {
    signs.push({
      code: 'non_finite_summary',
      severity: 'error',
      message: `Non-finite values in the summary: ${nonFinite.slice(0, 10).join(', ')}. Training diverged or a value overflowed.`,
    });
  }
  const loss = evidence.loss;
  if (loss) {
    diagnosis.lossKey = loss.key;
    const tail = lossTail(loss);
    if (tail) {
      diagnosis.lossTail = tail;
      if (tail.lastMean > tail.min * LOSS_RISE_FACTOR && tail.lastStep > tail.minStep) {
        signs.push({
          code: 'loss_rising',
          severity: 'warning',
          message: `${loss.key} rose at the end: mean ${round(tail.lastMean)} over the last tenth vs a minimum of ${round(tail.min)} at step ${tail.minStep}. Learning rate too high, or overfitting.`,
        });
      }
    } else if (loss.totalPoints === 0) {
      signs.push({
        code: 'no_history',
        severity: 'info',
        message: `No history rows hold ${loss.key}.`,
      });
    }
  }
  const gpu =
    evidence.system?.series.filter((s) => /^system\.gpu\.\d+\.memoryAllocated$/.test(s.key)) ?? [];
  if (gpu.length > 0) {
    const peak = Math.max(...gpu.map((s) => s.stats.max));
    diagnosis.peakGpuMemoryPercent = peak;
    if (peak >= GPU_MEMORY_NEAR_CAPACITY) {
      signs.push({
        code: 'gpu_memory_near_capacity',
        severity: 'warning',
        message: `GPU memory peaked at ${round(peak)} % of capacity; an out-of-memory kill is likely if the run crashed.`,
      });
    }
  }
  diagnosis.verdict = signs.some((s) => s.severity === 'error')
    ? 'error'
    : signs.some((s) => s.severity === 'warning')
      ? 'warning'
      : 'healthy';
  return diagnosis;
}

/** The minimum of a loss series and the mean of its last tenth (from the downsampled points). */
function lossTail(series: WandbMetricSeries): RunDiagnosis['lossTail'] | undefined {
  const n = series.values.length;
  if (n < 10) return undefined;
  let minIndex = 0;
  for (let i = 1; i < n; i++) if (series.values[i]! < series.values[minIndex]!) minIndex = i;
  const tailStart = Math.floor(n * 0.9);
  const tail = series.values.slice(tailStart);
  const lastMean = tail.reduce((sum, v) => sum + v, 0) / tail.length;
  return {
    min: series.values[minIndex]!,
    minStep: series.steps[minIndex]!,
    lastMean,
    lastStep: series.steps.at(-1)!,
  };
}

function formatAge(seconds: number): string {
  if (seconds >= 3600) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 60)} min`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

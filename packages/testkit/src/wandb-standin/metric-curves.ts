import type { StandinRun } from './standin-model.js';

/** Deterministic noise in [-1, 1] for (seed, step, channel): any step is computable alone. */
export function noise(seed: number, step: number, channel: number): number {
  let h = (seed ^ Math.imul(step + 1, 0x9e3779b1) ^ Math.imul(channel + 7, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h / 4294967295) * 2 - 1;
}

/** The training loss of a run at a step, shaped by its curve kind (NaN once it has blown up). */
export function lossAt(run: StandinRun, step: number): number {
  const p = run.steps <= 1 ? 1 : step / (run.steps - 1);
  const start = 2.4 + (run.seed % 7) * 0.05;
  const floor = 0.25 + (run.seed % 13) * 0.02;
  const decay = run.curve === 'plateau' ? Math.min(p, 0.3) : p;
  let loss = floor + (start - floor) * Math.exp(-5 * decay);
  if (run.curve === 'diverging' && p > 0.8) {
    if (p > 0.985) return Number.NaN;
    loss *= Math.exp(12 * (p - 0.8));
  }
  return loss * (1 + 0.02 * noise(run.seed, step, 1));
}

/** The metrics a run logs at one step (history row without the `_` keys). */
export function metricsAt(run: StandinRun, step: number): Record<string, number> {
  const p = run.steps <= 1 ? 1 : step / (run.steps - 1);
  const loss = lossAt(run, step);
  if (run.family === 'llm') {
    const row: Record<string, number> = {
      loss,
      learning_rate: learningRate(run) * (p < 0.05 ? p / 0.05 : 1 - 0.9 * p),
      grad_norm: Number.isNaN(loss)
        ? Number.POSITIVE_INFINITY
        : 0.5 + loss * 0.4 + 0.1 * noise(run.seed, step, 2),
    };
    if (step % 100 === 99 || step === run.steps - 1) {
      row['eval/loss'] = Number.isNaN(loss) ? Number.NaN : loss * 1.08;
      row['eval/accuracy'] = Number.isNaN(loss) ? 0 : Math.max(0, Math.min(1, 1.05 - loss / 2.6));
    }
    return row;
  }
  if (run.family === 'vision') {
    const row: Record<string, number> = { 'train/loss': loss };
    if (step % 50 === 49 || step === run.steps - 1) {
      row['val/loss'] = loss * 1.15;
      row['val/acc'] = Math.max(
        0,
        Math.min(0.99, 0.98 - loss / 3 + 0.01 * noise(run.seed, step, 3)),
      );
    }
    return row;
  }
  return {
    episode_reward: 200 * (1 - loss / 2.6) + 10 * noise(run.seed, step, 4),
    episode_length: Math.round(200 + 300 * (1 - loss / 2.6)),
  };
}

function learningRate(run: StandinRun): number {
  const value = run.config.learning_rate?.value ?? run.config.lr?.value;
  return typeof value === 'number' ? value : 1e-4;
}

/** One full history row as W&B stores it: metrics plus `_step`, `_runtime`, `_timestamp`. */
export function historyRow(run: StandinRun, step: number): Record<string, number> {
  const runtime = step * run.secondsPerStep;
  return {
    _step: step,
    _runtime: round(runtime, 3),
    _timestamp: round(run.createdAt / 1000 + runtime, 3),
    ...metricsAt(run, step),
  };
}

/** Seconds between two system-metrics samples, as the SDK's default sampling interval (15 s). */
export const SYSTEM_SAMPLE_SECONDS = 15;

/** How many system-metrics samples a run has. */
export function systemSampleCount(run: StandinRun): number {
  return Math.max(1, Math.floor((run.steps * run.secondsPerStep) / SYSTEM_SAMPLE_SECONDS));
}

/** One system-metrics sample ("events" line) with W&B's `system.*` keys. */
export function systemRow(run: StandinRun, index: number): Record<string, number | boolean> {
  const count = systemSampleCount(run);
  const p = count <= 1 ? 1 : index / (count - 1);
  const runtime = index * SYSTEM_SAMPLE_SECONDS;
  const gpuMemory = Math.min(
    99.9,
    40 + (run.gpuMemoryPeak - 40) * p ** 2 + noise(run.seed, index, 9),
  );
  return {
    'system.cpu': round(35 + 20 * Math.abs(noise(run.seed, index, 5)), 1),
    'system.memory': round(42 + 10 * p + 2 * noise(run.seed, index, 6), 1),
    'system.disk': round(61 + 3 * p, 1),
    'system.network.sent': Math.round(1e6 * (1 + index)),
    'system.network.recv': Math.round(4e6 * (1 + index)),
    'system.gpu.0.gpu': round(85 + 10 * noise(run.seed, index, 7), 1),
    'system.gpu.0.memoryAllocated': round(gpuMemory, 2),
    'system.gpu.0.memoryAllocatedBytes': Math.round((gpuMemory / 100) * 80 * 1024 ** 3),
    'system.gpu.0.temp': round(68 + 8 * p + noise(run.seed, index, 8), 1),
    'system.gpu.0.powerWatts': round(280 + 60 * Math.abs(noise(run.seed, index, 10)), 1),
    _runtime: runtime,
    _timestamp: round(run.createdAt / 1000 + runtime, 3),
    _wandb: true,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

import { runSeedScript } from './seed-script.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Run lifecycle states the seed uses. */
export type SeededRunStatus = 'FINISHED' | 'FAILED' | 'RUNNING';

/** One run created by the seed. */
export interface SeededRun {
  id: string;
  name: string;
  experimentId: string;
  status: SeededRunStatus;
  /** Set on evaluation runs: the launcher invocation they belong to (tag and param `invocation_id`). */
  invocationId?: string;
}

/** One version of the seeded registered model. */
export interface SeededModelVersion {
  version: string;
  runId: string;
  aliases: string[];
}

/** Manifest printed by python/seed_mlflow.py: everything the seed created, by id and name. */
export interface MlflowSeed {
  experiments: { id: string; name: string }[];
  runs: SeededRun[];
  /** Invocation shared by several eval runs across two experiments. */
  invocationId: string;
  /** A second invocation with a single run. */
  otherInvocationId: string;
  registeredModel: string;
  modelVersions: SeededModelVersion[];
  /**
   * What each `python/seed_mlflow_<area>.py` module seeded, keyed by area (e.g. `traces`).
   * Areas own their shape; their tests narrow it.
   */
  extras: Record<string, unknown>;
}

/** Seed the MLflow server at `url` with experiments, runs, artifacts and a registered model. */
export function seedMlflow(url: string, opts: { timeoutMs?: number } = {}): Promise<MlflowSeed> {
  return runSeedScript('seed_mlflow.py', {
    env: childEnv(['MLFLOW_'], { ...OFFLINE_PYTHON_ENV, MLFLOW_TRACKING_URI: url }),
    timeoutMs: opts.timeoutMs ?? 120_000,
    check: assertSeed,
  });
}

function assertSeed(value: unknown): MlflowSeed {
  const seed = value as Partial<MlflowSeed> | null;
  if (
    !seed ||
    !Array.isArray(seed.experiments) ||
    !Array.isArray(seed.runs) ||
    typeof seed.invocationId !== 'string' ||
    typeof seed.registeredModel !== 'string'
  ) {
    throw new Error('manifest is missing experiments, runs, invocationId or registeredModel');
  }
  return seed as MlflowSeed;
}

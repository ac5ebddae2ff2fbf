import type { AnyTask } from '../../task.js';
import { artifactJsonReport } from './artifact-json-report.js';
import { artifactYamlConfig } from './artifact-yaml-config.js';
import { bestRunByAccuracy } from './best-run-by-accuracy.js';
import { bestRunByLowestRmse } from './best-run-by-lowest-rmse.js';
import { compareTwoRuns } from './compare-two-runs.js';
import { deletedRunNotCounted } from './deleted-run-not-counted.js';
import { experimentWithoutRuns } from './experiment-without-runs.js';
import { failedRuns } from './failed-runs.js';
import { lowestFinalLoss } from './lowest-final-loss.js';
import { metricHistoryTask } from './metric-history.js';
import { metricMissingFromSomeRuns } from './metric-missing-from-some-runs.js';
import { nestedSweepChildren } from './nested-sweep-children.js';
import { nothingFailed } from './nothing-failed.js';
import { oldErrorTraces } from './old-error-traces.js';
import { parentOfChild } from './parent-of-child.js';
import { productionModel } from './production-model.js';
import { runsByParam } from './runs-by-param.js';
import { runsByTag } from './runs-by-tag.js';
import { runsLastWeek } from './runs-last-week.js';
import { runsStillRunning } from './runs-still-running.js';
import { traceFailingSpan } from './trace-failing-span.js';

/** The mlflow area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const mlflowTasks: AnyTask[] = [
  bestRunByAccuracy,
  bestRunByLowestRmse,
  failedRuns,
  nothingFailed,
  compareTwoRuns,
  metricHistoryTask,
  artifactYamlConfig,
  productionModel,
  runsStillRunning,
  artifactJsonReport,
  lowestFinalLoss,
  runsLastWeek,
  deletedRunNotCounted,
  metricMissingFromSomeRuns,
  experimentWithoutRuns,
  oldErrorTraces,
  traceFailingSpan,
  runsByTag,
  runsByParam,
  parentOfChild,
  nestedSweepChildren,
];

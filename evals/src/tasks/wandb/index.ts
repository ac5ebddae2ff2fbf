import type { AnyTask } from '../../task.js';
import { wandbBestRunByEvalAccuracy } from './best-run-by-eval-accuracy.js';
import { wandbBestRunByLowestValLoss } from './best-run-by-lowest-val-loss.js';
import { wandbConfigDifference } from './config-difference.js';
import { wandbFailedRunsAndWhy } from './failed-runs-and-why.js';
import { wandbMetricHistoryMinLoss } from './metric-history-min-loss.js';
import { wandbNoFailedRuns } from './no-failed-runs.js';
import { wandbStalledRunningRun } from './stalled-running-run.js';
import { weaveFailingCallsAndChildOp } from './weave-failing-calls.js';
import { weaveNoErrors } from './weave-no-errors.js';
import { weaveSlowestOp } from './weave-slowest-op.js';
import { weaveTraceSummary } from './weave-trace-summary.js';
import { weaveTraceTree } from './weave-trace-tree.js';

/** The wandb area's tasks (W&B runs on the stand-in, Weave traces on the real trace server). */
export const wandbTasks: AnyTask[] = [
  wandbBestRunByEvalAccuracy,
  wandbBestRunByLowestValLoss,
  wandbFailedRunsAndWhy,
  wandbMetricHistoryMinLoss,
  wandbConfigDifference,
  wandbNoFailedRuns,
  wandbStalledRunningRun,
  weaveFailingCallsAndChildOp,
  weaveSlowestOp,
  weaveTraceTree,
  weaveTraceSummary,
  weaveNoErrors,
];

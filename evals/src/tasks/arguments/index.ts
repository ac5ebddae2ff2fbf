import type { AnyTask } from '../../task.js';
import { experimentNameOnSearchRuns } from './experiment-name.js';
import { flatPrefectFilter } from './flat-prefect-filter.js';
import { prefectLogsSnakeCase } from './prefect-logs-snake-case.js';
import { prefectStateArgument } from './prefect-state-argument.js';
import { queryOnMlflowSearchRuns } from './query-on-mlflow-search-runs.js';
import { snakeCaseMetricHistory } from './snake-case-metric-history.js';
import { wandbProjectName } from './wandb-project-name.js';

/** The arguments area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const argumentTasks: AnyTask[] = [
  experimentNameOnSearchRuns,
  queryOnMlflowSearchRuns,
  snakeCaseMetricHistory,
  flatPrefectFilter,
  prefectStateArgument,
  prefectLogsSnakeCase,
  wandbProjectName,
];

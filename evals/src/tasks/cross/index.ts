import type { AnyTask } from '../../task.js';
import { overviewWithOnlyPrefect, runsWithOnlyPrefect } from './backend-off.js';
import { lineageFlowRunToRun, lineageNone, lineageRunToFlowRun } from './lineage.js';
import { bestByF1, bestByLoss, compareTwoRuns, noFailedRuns, whatFailedOvernight } from './runs.js';
import { noErrorTraces, oldErrorTraces } from './traces.js';

/** The cross area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const crossTasks: AnyTask[] = [
  lineageFlowRunToRun,
  lineageRunToFlowRun,
  lineageNone,
  oldErrorTraces,
  noErrorTraces,
  bestByLoss,
  bestByF1,
  compareTwoRuns,
  noFailedRuns,
  whatFailedOvernight,
  runsWithOnlyPrefect,
  overviewWithOnlyPrefect,
];

import type { AnyTask } from '../../task.js';
import {
  automationExpectMismatch,
  automationLabelMismatch,
  automationThreshold,
} from './automations.js';
import { failedLastDay } from './failed-last-day.js';
import { inactiveSchedule, lateNoWorker, latePausedDeployment, nothingLate } from './late-runs.js';
import {
  ambiguousRunName,
  completedRun,
  lastSuccessfulRun,
  latestFailureOfFlow,
  onlyPrefect,
  runLogs,
} from './runs.js';
import { stuckOnSlot } from './stuck-on-slot.js';
import { whyRunFailed } from './why-run-failed.js';

/** The prefect area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const prefectTasks: AnyTask[] = [
  whyRunFailed,
  failedLastDay,
  latestFailureOfFlow,
  ambiguousRunName,
  completedRun,
  runLogs,
  lastSuccessfulRun,
  lateNoWorker,
  inactiveSchedule,
  latePausedDeployment,
  nothingLate,
  stuckOnSlot,
  automationExpectMismatch,
  automationLabelMismatch,
  automationThreshold,
  onlyPrefect,
];

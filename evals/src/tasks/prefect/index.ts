import type { AnyTask } from '../../task.js';

/** The prefect area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const prefectTasks: AnyTask[] = [];

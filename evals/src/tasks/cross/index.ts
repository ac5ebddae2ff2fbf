import type { AnyTask } from '../../task.js';

/** The cross area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const crossTasks: AnyTask[] = [];

import type { AnyTask } from '../../task.js';

/** The arguments area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const argumentTasks: AnyTask[] = [];

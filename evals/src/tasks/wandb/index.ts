import type { AnyTask } from '../../task.js';

/** The wandb area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const wandbTasks: AnyTask[] = [];

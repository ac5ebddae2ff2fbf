import type { AnyTask } from '../../task.js';
import { bestRunByAccuracy } from './best-run-by-accuracy.js';

/** The mlflow area's tasks: one file per task beside this one, each exporting its defineTask(...). */
export const mlflowTasks: AnyTask[] = [bestRunByAccuracy];

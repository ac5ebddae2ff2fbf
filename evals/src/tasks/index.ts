import type { AnyTask } from '../task.js';
import { argumentTasks } from './arguments/index.js';
import { computeTasks } from './compute/index.js';
import { crossTasks } from './cross/index.js';
import { mlflowTasks } from './mlflow/index.js';
import { prefectTasks } from './prefect/index.js';
import { wandbTasks } from './wandb/index.js';

/** Every task of the suite, area by area. */
export const allTasks: AnyTask[] = [
  ...mlflowTasks,
  ...prefectTasks,
  ...wandbTasks,
  ...crossTasks,
  ...argumentTasks,
  ...computeTasks,
];

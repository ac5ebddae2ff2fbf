import type { AnyTask } from '../../task.js';
import { mlflowBestLrFinalLoss } from './mlflow-best-lr-final-loss.js';
import {
  mlflowCountAboveThreshold,
  mlflowFailureRatePerDataset,
  mlflowP90LatencyPerModel,
} from './mlflow-group-stats.js';
import { mlflowMeanPerOptimizer } from './mlflow-mean-per-optimizer.js';
import { mlflowRegressedVsParent } from './mlflow-regressed-vs-parent.js';
import { prefectFailuresPerTag } from './prefect-failures-per-tag.js';
import { prefectStatesPerDeployment } from './prefect-states-per-deployment.js';
import { wandbBestOfNPerOptimizer, wandbMeanPerBatchSize } from './wandb-group-stats.js';

/** Tasks that need computation across many records, each with a tool-profile and a code-mode plan. */
export const computeTasks: AnyTask[] = [
  mlflowMeanPerOptimizer,
  mlflowRegressedVsParent,
  mlflowBestLrFinalLoss,
  mlflowFailureRatePerDataset,
  mlflowCountAboveThreshold,
  mlflowP90LatencyPerModel,
  prefectStatesPerDeployment,
  prefectFailuresPerTag,
  wandbBestOfNPerOptimizer,
  wandbMeanPerBatchSize,
];

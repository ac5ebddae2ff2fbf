import { z } from 'zod';

/**
 * zod schemas of the experiment write endpoints' responses (MLflow's service.proto as JSON).
 * The read shapes (Experiment, GetExperiment) live in ../mlflow-api-types.ts; delete, restore,
 * update and the tag endpoints answer an empty object.
 */

/** `POST experiments/create` → `{experiment_id}`. */
export const CreateExperimentResponseSchema = z.object({ experiment_id: z.string() });

/** A tag as MLflow's requests carry it. */
export interface MlflowKeyValue {
  key: string;
  value: string;
}

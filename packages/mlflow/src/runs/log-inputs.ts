import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { DatasetSpecInput } from './dataset-spec.js';
import { mapDatasetInput } from './map-dataset-input.js';
import { parseRunId } from './run-id.js';
import { runIdInput } from './run-write-inputs.js';
import { logInputs } from './runs-api.js';

/** mlflow_log_inputs: record the datasets a run used. Listed only when writes are enabled. */
export const logInputsTool = defineMlflowTool({
  name: 'mlflow_log_inputs',
  title: 'Log dataset inputs of an MLflow run',
  description:
    'Record the datasets an active MLflow run used and how; repeating a name and digest is a no-op.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({
    runId: runIdInput,
    datasets: z.array(DatasetSpecInput).min(1).max(100),
  }),
  outputSchema: z.object({
    runId: z.string(),
    datasets: z.array(
      z.object({
        name: z.string(),
        digest: z.string(),
        sourceType: z.string(),
        context: z.string().optional(),
      }),
    ),
  }),
  async handler(input, { client, signal }) {
    const runId = parseRunId(input.runId);
    const datasets = input.datasets.map(mapDatasetInput);
    await logInputs(client, runId, datasets, { signal });
    return {
      runId,
      datasets: datasets.map(({ dataset }, index) => ({
        name: dataset.name,
        digest: dataset.digest,
        sourceType: dataset.source_type,
        ...(input.datasets[index]!.context ? { context: input.datasets[index]!.context } : {}),
      })),
    };
  },
});

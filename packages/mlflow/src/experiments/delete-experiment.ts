import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import { experimentIdInput } from './experiment-inputs.js';
import { deleteExperiment } from './experiments-api.js';

/** mlflow_delete_experiment: soft-delete an experiment. Listed only when writes are enabled. */
export const deleteExperimentTool = defineMlflowTool({
  name: 'mlflow_delete_experiment',
  title: 'Delete an MLflow experiment',
  description:
    'Delete an MLflow experiment with its runs (restorable with mlflow_restore_experiment until garbage collection).',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({ experimentId: experimentIdInput }),
  outputSchema: z.object({ experimentId: z.string(), lifecycle: z.literal('deleted') }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await deleteExperiment(client, experimentId, { signal });
    return { experimentId, lifecycle: 'deleted' as const };
  },
});

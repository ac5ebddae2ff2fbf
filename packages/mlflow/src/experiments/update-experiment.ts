import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import { experimentIdInput, experimentNameInput } from './experiment-inputs.js';
import { renameExperiment } from './experiments-api.js';

/** mlflow_update_experiment: rename an experiment. Listed only when writes are enabled. */
export const updateExperimentTool = defineMlflowTool({
  name: 'mlflow_update_experiment',
  title: 'Rename an MLflow experiment',
  description:
    'Rename an active MLflow experiment; the new name must be free, also among deleted ones.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    newName: experimentNameInput,
  }),
  outputSchema: z.object({ experimentId: z.string(), name: z.string() }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await renameExperiment(client, experimentId, input.newName, { signal });
    return { experimentId, name: input.newName };
  },
});

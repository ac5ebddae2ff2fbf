import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import { experimentIdInput, experimentTagKeyInput } from './experiment-inputs.js';
import { deleteExperimentTag } from './experiments-api.js';

/** mlflow_delete_experiment_tag: remove one experiment tag. Listed only when writes are enabled. */
export const deleteExperimentTagTool = defineMlflowTool({
  name: 'mlflow_delete_experiment_tag',
  title: 'Delete a tag from an MLflow experiment',
  description: 'Remove one tag from an active MLflow experiment.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({ experimentId: experimentIdInput, key: experimentTagKeyInput }),
  outputSchema: z.object({ experimentId: z.string(), key: z.string(), deleted: z.literal(true) }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await deleteExperimentTag(client, experimentId, input.key, { signal });
    return { experimentId, key: input.key, deleted: true as const };
  },
});

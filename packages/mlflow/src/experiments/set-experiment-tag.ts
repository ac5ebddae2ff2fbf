import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import {
  experimentIdInput,
  experimentTagKeyInput,
  experimentTagValueInput,
} from './experiment-inputs.js';
import { setExperimentTag } from './experiments-api.js';

/** mlflow_set_experiment_tag: set (or overwrite) one experiment tag. Listed only when writes are enabled. */
export const setExperimentTagTool = defineMlflowTool({
  name: 'mlflow_set_experiment_tag',
  title: 'Set a tag on an MLflow experiment',
  description: 'Set one tag on an active MLflow experiment, overwriting that key.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: true,
  inputSchema: z.object({
    experimentId: experimentIdInput,
    key: experimentTagKeyInput,
    value: experimentTagValueInput,
  }),
  outputSchema: z.object({ experimentId: z.string(), key: z.string(), value: z.string() }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await setExperimentTag(client, experimentId, input.key, input.value, { signal });
    return { experimentId, key: input.key, value: input.value };
  },
});

import { z } from 'zod';
import { tagsMapInput } from '../registry/registry-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { setLoggedModelTags } from './logged-model-writes-api.js';

/** mlflow_set_logged_model_tags: set or overwrite tags on a logged model. */
export const setLoggedModelTagsTool = defineMlflowTool({
  name: 'mlflow_set_logged_model_tags',
  title: 'Set tags on an MLflow logged model',
  description: 'Set tags on an MLflow 3 logged model, overwriting those keys.',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    modelId: loggedModelIdInput,
    tags: tagsMapInput.refine((tags) => Object.keys(tags).length > 0, 'Give at least one tag.'),
  }),
  outputSchema: z.object({ modelId: z.string(), tags: z.record(z.string(), z.string()) }),
  async handler(input, { client, signal }) {
    await setLoggedModelTags(client, input, { signal });
    return { modelId: input.modelId, tags: input.tags };
  },
});

import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { MlflowLoggedModelSchema } from './logged-model-schema.js';
import { getLoggedModel } from './logged-models-api.js';

/** mlflow_get_logged_model: one logged model with params, metrics, tags and registrations. */
export const getLoggedModelTool = defineMlflowTool({
  name: 'mlflow_get_logged_model',
  title: 'Get an MLflow logged model',
  description:
    'Get one MLflow 3 logged model: status, source run, params, metrics, tags, registry versions.',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'read',
  inputSchema: z.object({ modelId: loggedModelIdInput, includeSystemTags: includeSystemTagsInput }),
  outputSchema: MlflowLoggedModelSchema,
  async handler(input, { client, signal }) {
    return getLoggedModel(client, input.modelId, {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});

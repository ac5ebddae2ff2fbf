import { z } from 'zod';
import { getLoggedModel } from '../api/logged-models.js';
import { MlflowLoggedModelSchema } from '../logged-model-schema.js';
import { includeSystemTagsInput } from './common-inputs.js';
import { defineMlflowTool } from './define.js';
import { loggedModelIdInput } from './logged-model-inputs.js';

/** mlflow_get_logged_model: one logged model with params, metrics, tags and registrations. */
export const getLoggedModelTool = defineMlflowTool({
  name: 'mlflow_get_logged_model',
  title: 'Get an MLflow logged model',
  description:
    'Get one MLflow 3 logged model: status (PENDING, READY, FAILED), source run, params, the latest value ' +
    'of each metric, tags and the registry versions made from it. Ids (m-…) come from ' +
    "mlflow_search_logged_models or a model version's modelId.",
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

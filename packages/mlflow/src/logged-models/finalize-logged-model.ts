import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { MlflowLoggedModelSchema } from './logged-model-schema.js';
import { finalizeLoggedModel } from './logged-model-writes-api.js';

/** mlflow_finalize_logged_model: mark a logged model READY or FAILED. */
export const finalizeLoggedModelTool = defineMlflowTool({
  name: 'mlflow_finalize_logged_model',
  title: 'Finalize an MLflow logged model',
  description: 'Set an MLflow 3 logged model READY or FAILED.',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    modelId: loggedModelIdInput,
    status: z.enum(['READY', 'FAILED']),
  }),
  outputSchema: MlflowLoggedModelSchema,
  async handler(input, { client, signal }) {
    return finalizeLoggedModel(client, input, { signal });
  },
});

import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { loggedModelIdInput } from './logged-model-inputs.js';
import { logLoggedModelParams } from './logged-model-writes-api.js';

/** mlflow_log_logged_model_params: add write-once params to a logged model. */
export const logLoggedModelParamsTool = defineMlflowTool({
  name: 'mlflow_log_logged_model_params',
  title: 'Log params on an MLflow logged model',
  description: 'Add write-once params to an MLflow 3 logged model.',
  namespace: 'mlflow',
  toolsets: ['logged-models'],
  access: 'write',
  destructive: false,
  idempotent: true,
  inputSchema: z.object({
    modelId: loggedModelIdInput,
    params: z.record(z.string().min(1).max(250), z.string().max(6000)).refine((params) => {
      const count = Object.keys(params).length;
      return count >= 1 && count <= 100;
    }, 'Give 1-100 params.'),
  }),
  outputSchema: z.object({
    modelId: z.string(),
    logged: z.array(z.string()).describe('Keys newly logged.'),
    unchanged: z.array(z.string()).describe('Keys that already had this value.'),
  }),
  async handler(input, { client, signal }) {
    const result = await logLoggedModelParams(client, input, { signal });
    return { modelId: input.modelId, ...result };
  },
});

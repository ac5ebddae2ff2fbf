import { z } from 'zod';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MlflowModelVersionSchema } from './model-version-schema.js';
import { createModelVersion } from './model-version-writes-api.js';
import { descriptionInput, modelNameInput, tagsMapInput } from './registry-inputs.js';
import { parseModelRef } from './registry-refs.js';

/** mlflow_create_model_version: register a run's (or logged model's) artifacts as a new version. */
export const createModelVersionTool = defineMlflowTool({
  name: 'mlflow_create_model_version',
  title: 'Register a new MLflow model version',
  description:
    'Register a model version from a run ("runs:/<runId>/<path>") or an MLflow 3 logged model ("models:/<modelId>").',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    name: modelNameInput,
    source: z.string().min(1).max(2000),
    runId: z.string().min(1).max(200).optional(),
    modelId: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\w-]+$/, 'Logged model ids look like m-<32 hex>.')
      .optional(),
    description: descriptionInput.optional(),
    tags: tagsMapInput.optional(),
  }),
  outputSchema: MlflowModelVersionSchema,
  async handler(input, { client, signal }) {
    return createModelVersion(
      client,
      {
        ...input,
        name: parseModelRef(input.name).name,
        runId: input.runId === undefined ? undefined : parseRunId(input.runId),
      },
      { signal },
    );
  },
});

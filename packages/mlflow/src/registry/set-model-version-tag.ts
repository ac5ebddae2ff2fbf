import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { setModelVersionTag } from './model-version-writes-api.js';
import {
  modelNameInput,
  tagValueInput,
  versionInput,
  writableTagKeyInput,
} from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_set_model_version_tag: set one tag on a model version. */
export const setModelVersionTagTool = defineMlflowTool({
  name: 'mlflow_set_model_version_tag',
  title: 'Set a tag on an MLflow model version',
  description: 'Set one tag on a model version, overwriting that key.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    name: modelNameInput,
    version: versionInput,
    key: writableTagKeyInput,
    value: tagValueInput,
  }),
  outputSchema: z.object({
    name: z.string(),
    version: z.string(),
    key: z.string(),
    value: z.string(),
  }),
  async handler(input, { client, signal }) {
    const tag = { ...parseVersionRef(input), key: input.key, value: input.value };
    await setModelVersionTag(client, tag, { signal });
    return tag;
  },
});

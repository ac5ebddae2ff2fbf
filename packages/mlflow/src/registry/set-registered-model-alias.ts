import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { setRegisteredModelAlias } from './registered-model-writes-api.js';
import { modelNameInput, settableAliasInput, versionInput } from './registry-inputs.js';
import { parseVersionRef } from './registry-refs.js';

/** mlflow_set_registered_model_alias: point an alias (e.g. champion) at a version. */
export const setRegisteredModelAliasTool = defineMlflowTool({
  name: 'mlflow_set_registered_model_alias',
  title: 'Set an MLflow registered model alias',
  description: 'Point an alias (e.g. "champion") at a model version, moving it if set elsewhere.',
  namespace: 'mlflow',
  toolsets: ['registry'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ name: modelNameInput, alias: settableAliasInput, version: versionInput }),
  outputSchema: z.object({ name: z.string(), alias: z.string(), version: z.string() }),
  async handler(input, { client, signal }) {
    const { name, version } = parseVersionRef(input);
    await setRegisteredModelAlias(client, { name, alias: input.alias, version }, { signal });
    return { name, alias: input.alias, version };
  },
});

import { z } from 'zod';
import { settableAliasInput, versionInput } from '../registry/registry-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { promptNameInput } from './prompt-inputs.js';
import { setPromptAlias } from './prompt-writes-api.js';

/** mlflow_set_prompt_alias: point a prompt alias (e.g. production) at a version. */
export const setPromptAliasTool = defineMlflowTool({
  name: 'mlflow_set_prompt_alias',
  title: 'Set an MLflow prompt alias',
  description: 'Point a prompt alias (e.g. "production") at a version.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    name: promptNameInput,
    alias: settableAliasInput,
    version: versionInput,
  }),
  outputSchema: z.object({ name: z.string(), alias: z.string(), version: z.string() }),
  async handler(input, { client, signal }) {
    const version = String(input.version);
    await setPromptAlias(client, { name: input.name, alias: input.alias, version }, { signal });
    return { name: input.name, alias: input.alias, version };
  },
});

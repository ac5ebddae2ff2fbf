import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { aliasInput, versionInput } from '../registry/registry-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { promptNameInput } from './prompt-inputs.js';
import { PromptVersionSchema } from './prompt-schema.js';
import { getPromptVersion } from './prompts-api.js';

/** mlflow_get_prompt_version: one prompt version by number or alias. */
export const getPromptVersionTool = defineMlflowTool({
  name: 'mlflow_get_prompt_version',
  title: 'Get an MLflow prompt version',
  description: 'One prompt version by number or alias: template, variables, commit message, tags.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({
    name: promptNameInput,
    version: versionInput.optional(),
    alias: aliasInput.optional(),
  }),
  outputSchema: PromptVersionSchema,
  async handler(input, { client, signal }) {
    if ((input.version === undefined) === (input.alias === undefined)) {
      throw new InvalidInputError('Give exactly one of version or alias.', {
        field: 'version',
        hint: 'mlflow_get_prompt lists the versions and aliases of a prompt.',
      });
    }
    return getPromptVersion(
      client,
      {
        name: input.name,
        version: input.version === undefined ? undefined : String(input.version),
        alias: input.alias,
      },
      { signal },
    );
  },
});

import { z } from 'zod';
import { getPrompt } from '../api/prompts.js';
import { PromptSchema } from '../prompt-schema.js';
import { defineMlflowTool } from './define.js';
import { promptNameInput } from './prompt-inputs.js';

/** mlflow_get_prompt: a prompt with its newest template, aliases and version history. */
export const getPromptTool = defineMlflowTool({
  name: 'mlflow_get_prompt',
  title: 'Get an MLflow prompt',
  description:
    "Get a prompt from MLflow's prompt registry: its newest version in full (template, {{variables}}, " +
    'commit message), aliases (e.g. {"production": "1"}) and the list of versions with commit messages. ' +
    'Names come from mlflow_search_prompts. For a specific version or alias use mlflow_get_prompt_version.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({ name: promptNameInput }),
  outputSchema: PromptSchema,
  async handler(input, { client, signal }) {
    return getPrompt(client, input.name, { signal });
  },
});

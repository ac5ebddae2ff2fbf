import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { promptNameInput } from './prompt-inputs.js';
import { PromptSchema } from './prompt-schema.js';
import { getPrompt } from './prompts-api.js';

/** mlflow_get_prompt: a prompt with its newest template, aliases and version history. */
export const getPromptTool = defineMlflowTool({
  name: 'mlflow_get_prompt',
  title: 'Get an MLflow prompt',
  description: "One prompt's newest version in full, its aliases and its versions.",
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({ name: promptNameInput }),
  outputSchema: PromptSchema,
  async handler(input, { client, signal }) {
    return getPrompt(client, input.name, { signal });
  },
});

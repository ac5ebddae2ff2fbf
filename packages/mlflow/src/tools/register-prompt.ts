import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { registerPrompt } from '../api/prompts.js';
import { PromptMessageSchema, PromptVersionSchema } from '../prompt-schema.js';
import { defineMlflowTool } from './define.js';
import { promptNameInput } from './prompt-inputs.js';
import { tagsMapInput } from './registry-inputs.js';

/** Templates live in a model version tag, capped at MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH. */
const MAX_TEMPLATE_CHARS = 100_000;

/** mlflow_register_prompt: create a prompt or add a new version of its template. */
export const registerPromptTool = defineMlflowTool({
  name: 'mlflow_register_prompt',
  title: 'Register an MLflow prompt version',
  description:
    "Save a prompt template in MLflow's prompt registry: creates the prompt if the name is new, otherwise " +
    'adds the next version (versions are immutable). Give a text template with {{variables}} or chat ' +
    'messages, plus a commit message. Point an alias at it with mlflow_set_prompt_alias. Names taken by ' +
    'registered models are refused.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    name: promptNameInput.describe("Prompt name (letters, digits, '_', '-', '.')."),
    template: z
      .string()
      .min(1)
      .max(MAX_TEMPLATE_CHARS)
      .optional()
      .describe('Text template, e.g. "Summarize {{ticket}} for {{audience}}".'),
    messages: z
      .array(
        PromptMessageSchema.extend({
          role: z.string().min(1).max(50),
          content: z.string().max(50_000),
        }),
      )
      .min(1)
      .max(100)
      .optional()
      .describe('Chat template instead of text: [{"role": "system", "content": "…{{var}}…"}, …].'),
    commitMessage: z.string().max(5000).optional().describe('What changed in this version.'),
    tags: tagsMapInput.optional(),
  }),
  outputSchema: PromptVersionSchema,
  async handler(input, { client, signal }) {
    if ((input.template === undefined) === (input.messages === undefined)) {
      throw new InvalidInputError('Give exactly one of template or messages.', {
        field: 'template',
        hint: 'template is a text prompt; messages is a chat prompt.',
      });
    }
    const template = input.template ?? input.messages ?? '';
    if (typeof template !== 'string' && JSON.stringify(template).length > MAX_TEMPLATE_CHARS) {
      throw new InvalidInputError(`The messages exceed ${MAX_TEMPLATE_CHARS} characters as JSON.`, {
        field: 'messages',
      });
    }
    return registerPrompt(
      client,
      { name: input.name, template, commitMessage: input.commitMessage, tags: input.tags },
      { signal },
    );
  },
});

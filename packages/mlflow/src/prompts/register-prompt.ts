import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { tagsMapInput } from '../registry/registry-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { promptNameInput } from './prompt-inputs.js';
import { PromptMessageSchema, PromptVersionSchema } from './prompt-schema.js';
import { registerPrompt } from './prompt-writes-api.js';

/** Templates live in a model version tag, capped at MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH. */
const MAX_TEMPLATE_CHARS = 100_000;

/** mlflow_register_prompt: create a prompt or add a new version of its template. */
export const registerPromptTool = defineMlflowTool({
  name: 'mlflow_register_prompt',
  title: 'Register an MLflow prompt version',
  description:
    'Save a prompt template (text with {{variables}} or chat messages) as a new, immutable version.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    name: promptNameInput,
    template: z
      .string()
      .min(1)
      .max(MAX_TEMPLATE_CHARS)
      .optional()
      .describe('e.g. "Summarize {{ticket}}".'),
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
      .describe('Chat messages instead of template, with {{var}}s.'),
    commitMessage: z.string().max(5000).optional(),
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

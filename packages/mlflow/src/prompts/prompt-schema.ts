import { z } from 'zod';

/** One chat message of a chat-type prompt template. */
export const PromptMessageSchema = z.object({ role: z.string(), content: z.string() });

/** One version of an MLflow prompt: the template, its variables and the commit message. */
export const PromptVersionSchema = z.object({
  name: z.string(),
  version: z.string(),
  type: z.enum(['text', 'chat']),
  template: z.string().optional().describe('Text template with {{variables}} (type "text").'),
  messages: z
    .array(PromptMessageSchema)
    .optional()
    .describe('Chat template: messages with {{variables}} (type "chat").'),
  templateTruncated: z
    .boolean()
    .optional()
    .describe('True when the template (or a message) was shortened to fit the response.'),
  variables: z.array(z.string()).describe('The {{variable}} names the template uses.'),
  commitMessage: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  responseFormat: z.unknown().optional().describe('JSON schema of the expected response, if set.'),
  modelConfig: z.unknown().optional().describe('Model settings stored with the prompt, if set.'),
  createdAt: z.string().optional().describe('ISO 8601'),
  url: z.string().optional().describe('MLflow UI page.'),
});
export type PromptVersion = z.infer<typeof PromptVersionSchema>;

/** A prompt as listed by mlflow_search_prompts. */
export const PromptSummarySchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  descriptionTruncated: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  aliases: z.record(z.string(), z.string()).describe('Alias → version, e.g. {"production": "1"}.'),
  latestVersion: z.string().optional(),
  latestTemplatePreview: z.string().optional().describe('Start of the latest template.'),
  createdAt: z.string().optional().describe('ISO 8601'),
  updatedAt: z.string().optional().describe('ISO 8601'),
  url: z.string().optional(),
});
export type PromptSummary = z.infer<typeof PromptSummarySchema>;

/** A prompt with its latest version in full and a list of its versions. */
export const PromptSchema = PromptSummarySchema.omit({ latestTemplatePreview: true }).extend({
  latest: PromptVersionSchema.optional().describe('The newest version, template in full.'),
  versions: z
    .array(
      z.object({
        version: z.string(),
        commitMessage: z.string().optional(),
        aliases: z.array(z.string()).optional(),
        createdAt: z.string().optional(),
      }),
    )
    .describe('Versions, newest first.'),
  moreVersions: z.boolean().optional().describe('True when older versions were left out.'),
});
export type Prompt = z.infer<typeof PromptSchema>;

import { z } from 'zod';
import { entityInput, projectInput, runInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';

const TagInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^,]+$/, 'Tags cannot contain commas.');

/** wandb_update_run: add/remove tags and set notes. Listed only when writes are enabled. */
export const updateRunTool = defineWandbTool({
  name: 'wandb_update_run',
  title: 'Update a W&B run',
  description: 'Add or remove tags of a W&B run and/or replace its notes.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z
    .object({
      run: runInput,
      entity: entityInput,
      project: projectInput,
      addTags: z.array(TagInput).max(20).optional(),
      removeTags: z.array(TagInput).max(20).optional(),
      notes: z.string().max(10_000).optional().describe('Replaces the notes; "" clears them.'),
    })
    .refine(
      (input) =>
        Boolean(input.addTags?.length || input.removeTags?.length || input.notes !== undefined),
      'Give addTags, removeTags or notes.',
    ),
  outputSchema: z.object({
    run: z.string().describe('"<entity>/<project>/<runId>"'),
    tags: z.array(z.string()),
    notes: z.string().optional(),
  }),
  async handler(input, { client, signal }) {
    const path = await client.resolveRun(input.run, input, { signal });
    const result = await client.updateRun(path, input, { signal });
    return { run: `${path.entity}/${path.project}/${path.runId}`, ...result };
  },
});

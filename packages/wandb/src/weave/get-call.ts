import { z } from 'zod';
import { CallItemSchema } from './call-item.js';
import { defineWeaveTool } from './define-tool.js';
import { mapCall } from './map-call.js';
import { requireCallId } from './weave-ids.js';
import {
  callIdInput,
  entityInput,
  includeInput,
  maxPayloadCharsInput,
  projectInput,
} from './weave-inputs.js';

/** wandb_get_call: one call with its inputs and output (cut to a size limit). */
export const getCallTool = defineWeaveTool({
  name: 'wandb_get_call',
  title: 'Get a W&B Weave call',
  description:
    'One Weave call with its inputs and output (cut to maxPayloadChars), status, timing, tokens, cost, error.',
  namespace: 'wandb',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    callId: callIdInput,
    include: includeInput
      .default(['inputs', 'output'])
      .describe('Payloads to return; attributes hold SDK/runtime metadata.'),
    maxPayloadChars: maxPayloadCharsInput(4_000),
  }),
  outputSchema: CallItemSchema.extend({ project: z.string() }),
  async handler(input, { client, signal }) {
    const project = client.project(input);
    const call = await client.readCall(project, requireCallId(input.callId, 'callId'), {
      signal,
      includeCosts: true,
    });
    const item = mapCall(call, project, {
      include: input.include,
      maxPayloadChars: input.maxPayloadChars,
      withOpRef: true,
    });
    return { ...item, project: project.id };
  },
});

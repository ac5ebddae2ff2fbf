import { z } from 'zod';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbViewerSchema } from './wandb-viewer.js';

/** wandb_get_viewer: who the configured API key belongs to. */
export const getViewerTool = defineWandbTool({
  name: 'wandb_get_viewer',
  title: 'Get the W&B user',
  description: 'Who the W&B API key belongs to: username, default entity, teams.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({}),
  outputSchema: WandbViewerSchema,
  async handler(_input, { client, signal }) {
    return client.viewer({ signal });
  },
});

import { z } from 'zod';

/** The user an API key belongs to. */
export const WandbViewerSchema = z.object({
  username: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  defaultEntity: z.string().optional().describe('Used when a tool is called without `entity`.'),
  teams: z.array(z.string()),
  baseUrl: z.string(),
  appUrl: z.string(),
});
export type WandbViewer = z.infer<typeof WandbViewerSchema>;

import { z } from 'zod';
import { PrefectOverviewSchema } from '../api/overview.js';
import { isoTimeInput, timeWindow } from './common-inputs.js';
import { definePrefectTool } from './define.js';

/** prefect_get_overview: one-call health summary of the workspace. */
export const getOverviewTool = definePrefectTool({
  name: 'prefect_get_overview',
  title: 'Prefect workspace overview',
  description:
    'Answer "how is my Prefect workspace doing" in one call: flow runs by state type in a window (default ' +
    'last 24 hours), late runs, latest failures with their messages, work pools without an online worker, ' +
    'paused pools and queues, pools, queues and concurrency limits at capacity, and paused deployments.',
  namespace: 'prefect',
  toolsets: ['orchestration'],
  access: 'read',
  inputSchema: z.object({
    since: isoTimeInput('Window start; default 24 hours before until'),
    until: isoTimeInput('Window end; default now'),
  }),
  outputSchema: PrefectOverviewSchema,
  async handler(input, { client, signal }) {
    return client.overview(timeWindow(input, 24), { signal });
  },
});

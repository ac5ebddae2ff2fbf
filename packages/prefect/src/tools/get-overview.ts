import { z } from 'zod';
import { PrefectOverviewSchema } from '../api/overview.js';
import { isoTimeInput, timeWindow } from './common-inputs.js';
import { definePrefectTool } from './define.js';

/** prefect_get_overview: one-call health summary of the workspace. */
export const getOverviewTool = definePrefectTool({
  name: 'prefect_get_overview',
  title: 'Prefect workspace overview',
  description:
    'How a Prefect workspace is doing: runs by state, late runs, latest failures, pools without workers, anything paused or full.',
  namespace: 'prefect',
  toolsets: ['orchestration'],
  access: 'read',
  inputSchema: z.object({
    since: isoTimeInput('Default: 24 h before until.'),
    until: isoTimeInput('Default: now.'),
  }),
  outputSchema: PrefectOverviewSchema,
  async handler(input, { client, signal }) {
    return client.overview(timeWindow(input, 24), { signal });
  },
});

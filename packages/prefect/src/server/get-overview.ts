import { z } from 'zod';
import { isoTimeInput, timeWindow } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { PrefectOverviewSchema } from './overview-api.js';

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

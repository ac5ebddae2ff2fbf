import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { PrefectServerInfoSchema } from './server-info-api.js';

/** prefect_get_server_info: which Prefect this is, whether it is healthy and how it is secured. */
export const getServerInfoTool = definePrefectTool({
  name: 'prefect_get_server_info',
  title: 'Get Prefect server info',
  description:
    'The Prefect API in use: URL, version, health, auth and CSRF settings; call it when Prefect tools fail.',
  namespace: 'prefect',
  toolsets: ['orchestration'],
  access: 'read',
  inputSchema: z.object({}),
  outputSchema: PrefectServerInfoSchema,
  async handler(_input, { client, signal }) {
    return client.serverInfo({ signal });
  },
});

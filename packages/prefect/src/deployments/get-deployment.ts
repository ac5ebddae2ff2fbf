import { z } from 'zod';
import { deploymentInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseDeploymentSelector } from '../shared/ids.js';
import { PrefectDeploymentViewSchema } from './deployment.js';

/** prefect_get_deployment: one deployment by id or "<flow>/<deployment>", with parameters. */
export const getDeploymentTool = definePrefectTool({
  name: 'prefect_get_deployment',
  title: 'Get a Prefect deployment',
  description:
    'One Prefect deployment: schedules, paused flag, pool, queue, limit, default parameters and their schema.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'deployments'],
  access: 'read',
  inputSchema: z.object({ deployment: deploymentInput }),
  outputSchema: PrefectDeploymentViewSchema,
  async handler(input, { client, signal }) {
    return client.getDeployment(parseDeploymentSelector(input.deployment), { signal });
  },
});

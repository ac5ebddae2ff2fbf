import { z } from 'zod';
import { deploymentInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseDeploymentSelector } from '../shared/ids.js';
import { PrefectDeploymentViewSchema } from './deployment.js';

const outputSchema = z.object({
  paused: z.boolean(),
  changed: z.boolean().describe('False when the deployment already was in that state'),
  deployment: PrefectDeploymentViewSchema,
});

function pauseTool(paused: boolean) {
  return definePrefectTool({
    name: paused ? 'prefect_pause_deployment' : 'prefect_resume_deployment',
    title: paused ? 'Pause a Prefect deployment' : 'Resume a Prefect deployment',
    description: paused
      ? 'Pause a Prefect deployment: schedules stop and unstarted auto-scheduled runs are deleted.'
      : "Resume a paused Prefect deployment's schedules.",
    namespace: 'prefect',
    toolsets: ['orchestration', 'deployments'],
    access: 'write',
    destructive: paused,
    idempotent: true,
    inputSchema: z.object({ deployment: deploymentInput }),
    outputSchema,
    async handler(input, { client, signal }) {
      const before = await client.getDeployment(parseDeploymentSelector(input.deployment), {
        signal,
      });
      if (paused) await client.pauseDeployment(before.id, { signal });
      else await client.resumeDeployment(before.id, { signal });
      const after = await client.getDeployment({ id: before.id }, { signal });
      return {
        paused: after.paused ?? paused,
        changed: before.paused !== after.paused,
        deployment: after,
      };
    },
  });
}

/** prefect_pause_deployment: stop a deployment's schedules. */
export const pauseDeploymentTool = pauseTool(true);

/** prefect_resume_deployment: restart a paused deployment's schedules. */
export const resumeDeploymentTool = pauseTool(false);

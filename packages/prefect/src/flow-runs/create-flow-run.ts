import { z } from 'zod';
import { deploymentInput, isoTimeInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseDeploymentSelector } from '../shared/ids.js';
import { PrefectFlowRunViewSchema } from './flow-run.js';

/** prefect_create_flow_run: start a deployment (a new flow run), sent once. */
export const createFlowRunTool = definePrefectTool({
  name: 'prefect_create_flow_run',
  title: 'Run a Prefect deployment',
  description:
    'Create a flow run from a Prefect deployment; sent once (idempotencyKey makes retries safe).',
  namespace: 'prefect',
  toolsets: ['orchestration', 'flow-runs'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    deployment: deploymentInput,
    parameters: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Schema in prefect_get_deployment.'),
    tags: z.array(z.string().min(1).max(200)).max(20).optional(),
    scheduledStart: isoTimeInput('When to start; default now.'),
    name: z.string().min(1).max(200).optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
  }),
  outputSchema: PrefectFlowRunViewSchema,
  async handler(input, { client, signal }) {
    const selector = parseDeploymentSelector(input.deployment);
    const deploymentId =
      'id' in selector ? selector.id : (await client.getDeployment(selector, { signal })).id;
    return client.createFlowRun({ ...input, deploymentId }, { signal });
  },
});

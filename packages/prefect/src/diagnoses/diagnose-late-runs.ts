import { z } from 'zod';
import {
  deploymentInput,
  isoTimeInput,
  timeWindow,
  workPoolNameInput,
} from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { parseDeploymentSelector } from '../shared/ids.js';
import { diagnoseLateRuns, LateRunsDiagnosisSchema } from './late-runs.js';

/** prefect_diagnose_late_runs: finds late runs and names what blocks each. */
export const diagnoseLateRunsTool = definePrefectTool({
  name: 'prefect_diagnose_late_runs',
  title: 'Diagnose late Prefect runs',
  description:
    'Why Prefect runs are late (deployment, pool or workspace): what blocks each, grouped by cause.',
  namespace: 'prefect',
  toolsets: ['diagnoses'],
  access: 'read',
  inputSchema: z.object({
    deployment: deploymentInput.optional(),
    workPool: workPoolNameInput.optional(),
    since: isoTimeInput('Default: 7 days before until.'),
    until: isoTimeInput('Default: now.'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(25)
      .describe('Late runs to diagnose, most overdue first.'),
  }),
  outputSchema: LateRunsDiagnosisSchema,
  async handler(input, { client, signal }) {
    const window = timeWindow(input, 7 * 24);
    const [deployment] = await Promise.all([
      input.deployment
        ? client.getDeployment(parseDeploymentSelector(input.deployment), { signal })
        : undefined,
      // Validates the name: an unknown pool is not_found with a hint, not "no late runs".
      input.workPool ? client.getWorkPool(input.workPool, { signal }) : undefined,
    ]);
    return diagnoseLateRuns(
      client,
      {
        scope: { deployment, workPool: input.workPool },
        since: window.since,
        until: window.until,
        limit: input.limit,
        now: Date.now(),
      },
      { signal },
    );
  },
});

import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { AutomationDiagnosisSchema, diagnoseAutomation } from './automation-diagnosis.js';

/** prefect_diagnose_automation: why an automation fired or did not. */
export const diagnoseAutomationTool = definePrefectTool({
  name: 'prefect_diagnose_automation',
  title: 'Diagnose a Prefect automation',
  description:
    'Why a Prefect automation did or did not fire: its trigger against the events that happened.',
  namespace: 'prefect',
  toolsets: ['diagnoses'],
  access: 'read',
  inputSchema: z.object({
    automation: z.string().trim().min(1).max(400).describe('Id or exact name.'),
    lookbackHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .default(24)
      .describe('Hours of events and firings to read (at least twice the trigger window).'),
    maxEvents: z
      .number()
      .int()
      .min(50)
      .max(2000)
      .default(500)
      .describe('Events read per trigger; beyond it counts are lower bounds.'),
  }),
  outputSchema: AutomationDiagnosisSchema,
  async handler(input, { client, signal }) {
    return diagnoseAutomation(client, { ...input, now: Date.now() }, { signal });
  },
});

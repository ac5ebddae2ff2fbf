import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { isUuid } from '../shared/ids.js';
import { PrefectAutomationViewSchema } from './automation.js';

/** prefect_get_automation: one automation's trigger and actions. */
export const getAutomationTool = definePrefectTool({
  name: 'prefect_get_automation',
  title: 'Get a Prefect automation',
  description: 'Get one Prefect automation: trigger and actions.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'automations'],
  access: 'read',
  inputSchema: z.object({
    automationId: z.string().min(1).max(100),
  }),
  outputSchema: PrefectAutomationViewSchema,
  async handler(input, { client, signal }) {
    const id = input.automationId.trim();
    if (!isUuid(id)) {
      throw new InvalidInputError(`"${id.slice(0, 100)}" is not an automation id (a UUID).`, {
        field: 'automationId',
        hint: 'Find automation ids with prefect_list_automations.',
      });
    }
    return client.getAutomation(id, { signal });
  },
});

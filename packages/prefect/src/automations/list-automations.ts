import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
import { fitWholeList, wholeListSchema } from '../shared/whole-list.js';
import { PrefectAutomationViewSchema } from './automation.js';

/** prefect_list_automations: every automation with trigger and actions. */
export const listAutomationsTool = definePrefectTool({
  name: 'prefect_list_automations',
  title: 'List Prefect automations',
  description: 'List Prefect automations with their triggers and actions.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'automations'],
  access: 'read',
  inputSchema: z.object({
    enabledOnly: z.boolean().default(false),
  }),
  outputSchema: wholeListSchema(PrefectAutomationViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const all = await client.listAutomations({ signal });
    const kept = input.enabledOnly ? all.filter((a) => a.enabled !== false) : all;
    return fitWholeList(kept, maxResponseTokens);
  },
});

import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';
import { definePrefectTool } from '../shared/define-tool.js';
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
  outputSchema: z.object({
    items: z.array(PrefectAutomationViewSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const all = await client.listAutomations({ signal });
    const kept = input.enabledOnly ? all.filter((a) => a.enabled !== false) : all;
    const { items, truncated } = fitPageToBudget({ items: kept }, maxResponseTokens);
    return { items, ...(truncated ? { truncated } : {}) };
  },
});

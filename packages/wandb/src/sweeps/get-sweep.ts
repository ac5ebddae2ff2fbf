import { truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { WandbRunSchema } from '../runs/wandb-run.js';
import { entityInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbSweepSchema } from './wandb-sweep.js';

const MAX_CONFIG_CHARS = 4000;

const GetSweepOutputSchema = WandbSweepSchema.extend({
  configYaml: z.string().optional(),
  configTruncated: z.boolean().optional(),
  metric: z.object({ name: z.string(), goal: z.enum(['minimize', 'maximize']) }).optional(),
  topRuns: z
    .array(
      WandbRunSchema.pick({
        ref: true,
        id: true,
        name: true,
        status: true,
        rawStatus: true,
        summary: true,
        config: true,
      }),
    )
    .describe('Best runs by the sweep metric; summary shows that metric only.'),
});

/** wandb_get_sweep: one sweep with its config and best runs. */
export const getSweepTool = defineWandbTool({
  name: 'wandb_get_sweep',
  title: 'Get a W&B sweep',
  description: 'One W&B sweep: state, config (search space, metric) and its best runs.',
  namespace: 'wandb',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    sweep: z.string().min(1).max(128),
    entity: entityInput,
    project: projectInput,
    topRuns: z.number().int().min(0).max(20).default(5),
  }),
  outputSchema: GetSweepOutputSchema,
  async handler(input, { client, signal }) {
    const { entity, project } = await client.resolveProject(input, { signal });
    const { sweep, configYaml, metric } = await client.getSweep(
      { entity, project, sweep: input.sweep },
      { signal },
    );
    let topRuns: Awaited<ReturnType<typeof client.searchWandbRuns>>['items'] = [];
    if (input.topRuns > 0) {
      const order = metric
        ? `${metric.goal === 'maximize' ? '-' : '+'}summary_metrics.${metric.name}`
        : undefined;
      const filter = metric
        ? {
            $and: [
              { sweep: input.sweep },
              { [`summary_metrics.${metric.name}`]: { $exists: true } },
            ],
          }
        : { sweep: input.sweep };
      const page = await client.searchWandbRuns(
        { entity, project, filters: JSON.stringify(filter), order, limit: input.topRuns },
        { signal },
      );
      topRuns = page.items;
    }
    const result: z.infer<typeof GetSweepOutputSchema> = {
      ...sweep,
      topRuns: topRuns.map((run) => ({
        ref: run.ref,
        id: run.id,
        ...(run.name ? { name: run.name } : {}),
        status: run.status,
        rawStatus: run.rawStatus,
        ...(run.summary
          ? {
              summary:
                metric && metric.name in run.summary
                  ? { [metric.name]: run.summary[metric.name] }
                  : run.summary,
            }
          : {}),
        ...(run.config ? { config: run.config } : {}),
      })),
    };
    if (metric) result.metric = metric;
    if (configYaml) {
      const cut = truncateText(configYaml, MAX_CONFIG_CHARS);
      result.configYaml = cut.text;
      if (cut.truncated) result.configTruncated = true;
    }
    return result;
  },
});

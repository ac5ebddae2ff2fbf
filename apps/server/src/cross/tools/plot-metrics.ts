import { InvalidInputError, type MetricSeries, MetricSeriesSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineCrossTool } from '../cross-context.js';
import { refTarget } from '../ref-target.js';

/** mlops_plot_metrics: metric curves of one or several runs, from any backends, as a PNG chart. */
export const plotMetricsTool = defineCrossTool({
  name: 'mlops_plot_metrics',
  title: 'Plot metric curves of runs',
  description: 'Plot metric histories of 1-8 MLflow/W&B runs as PNG line charts, one per metric.',
  namespace: 'mlops',
  needs: ['tracking'],
  toolsets: ['cross', 'charts'],
  access: 'read',
  inputSchema: z.object({
    runs: z.array(z.string().min(1).max(300)).min(1).max(8),
    keys: z.array(z.string().min(1).max(250)).min(1).max(4),
    maxPoints: z.number().int().min(10).max(500).default(200),
  }),
  outputSchema: z.object({
    series: z.array(MetricSeriesSchema),
    charts: z.array(z.string()).describe('Metric key of each attached image, in order.'),
  }),
  async handler(input, { client, signal }) {
    const series: MetricSeries[] = [];
    for (const uri of input.runs) {
      const { target } = refTarget(uri, client, ['run']);
      const tracking = target?.adapter.capabilities.tracking;
      if (!target || !tracking?.getMetricHistory) {
        throw new InvalidInputError(
          `"${uri.slice(0, 120)}" is not a run of an enabled tracking backend.`,
          {
            field: 'runs',
            hint: 'Pass ref.uri values of MLflow or W&B runs, e.g. from mlops_search_runs.',
          },
        );
      }
      const runId = target.id;
      for (const key of input.keys) {
        series.push(
          await tracking.getMetricHistory({ runId, key, maxPoints: input.maxPoints }, { signal }),
        );
      }
    }
    return { series, charts: input.keys };
  },
  async images(output) {
    // The chart renderer (and its native rasteriser) loads on the first chart, not at start.
    const { metricChartInputFromSeries, renderMetricChart } = await import('@mlops-mcp/charts');
    return output.charts.map((key) => ({
      data: renderMetricChart(
        metricChartInputFromSeries(
          output.series.filter((s) => s.key === key),
          { title: key, xLabel: 'step', yLabel: key },
        ),
      ),
      mimeType: 'image/png' as const,
    }));
  },
});

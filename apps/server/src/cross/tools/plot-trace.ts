import { InvalidInputError, TraceSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineCrossTool } from '../cross-context.js';
import { refTarget } from '../ref-target.js';

/** mlops_plot_trace: a trace's spans as a PNG timeline. */
export const plotTraceTool = defineCrossTool({
  name: 'mlops_plot_trace',
  title: 'Plot a trace timeline',
  description: 'Draw an MLflow or Weave trace as a PNG span timeline (errors red).',
  namespace: 'mlops',
  needs: ['tracing'],
  toolsets: ['cross', 'charts'],
  access: 'read',
  inputSchema: z.object({
    trace: z.string().min(1).max(300),
  }),
  outputSchema: z.object({ trace: TraceSchema }),
  async handler(input, { client, signal }) {
    const { target } = refTarget(input.trace, client, ['trace']);
    const tracing = target?.adapter.capabilities.tracing;
    if (!target || !tracing) {
      throw new InvalidInputError(
        `"${input.trace.slice(0, 120)}" is not a trace of an enabled tracing backend.`,
        {
          field: 'trace',
          hint: 'Pass a ref.uri from mlops_search_traces, mlflow_search_traces or wandb_search_traces.',
        },
      );
    }
    const trace = await tracing.getTrace(target.id, { signal });
    // The picture carries the shape; keep the structured spans light.
    const spans = trace.spans?.map(({ inputs: _i, outputs: _o, attributes: _a, ...span }) => span);
    return { trace: spans ? { ...trace, spans } : trace };
  },
  async images(output) {
    // The chart renderer (and its native rasteriser) loads on the first chart, not at start.
    const { renderTraceTimeline, traceTimelineInputFromTrace } = await import('@mlops-mcp/charts');
    return [
      {
        data: renderTraceTimeline(traceTimelineInputFromTrace(output.trace)),
        mimeType: 'image/png' as const,
      },
    ];
  },
});

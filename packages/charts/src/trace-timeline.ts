import { svgToPng } from './rasterise.js';
import { type TraceTimelineInput, TraceTimelineInputSchema } from './trace-timeline-input.js';
import { layoutTraceTimeline } from './trace-timeline-layout.js';
import { traceTimelineSvg } from './trace-timeline-svg.js';

/** The SVG of a trace timeline (what `renderTraceTimeline` rasterises). Throws ZodError on bad input. */
export function traceTimelineToSvg(input: TraceTimelineInput): string {
  return traceTimelineSvg(layoutTraceTimeline(TraceTimelineInputSchema.parse(input)));
}

/**
 * Renders a trace's spans as a Gantt-style PNG: one row per span in call-tree order, indented
 * by depth with elbow guides, bars on a shared time axis, error spans in red on a red band,
 * durations beside the bars and a status legend. Throws ZodError on bad input.
 */
export function renderTraceTimeline(input: TraceTimelineInput): Buffer {
  return svgToPng(traceTimelineToSvg(input));
}

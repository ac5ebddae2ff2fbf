import { TraceStatusSchema } from '@mlops-mcp/core';
import { z } from 'zod';

/** One span as a bar: times in epoch (or any common origin) milliseconds. */
export const TimelineSpanSchema = z.object({
  id: z.string(),
  parentId: z.string().optional(),
  name: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  status: TraceStatusSchema,
});
export type TimelineSpan = z.infer<typeof TimelineSpanSchema>;

/** What `renderTraceTimeline` draws: a trace's spans as a Gantt chart, children under parents. */
export const TraceTimelineInputSchema = z.object({
  title: z.string(),
  spans: z.array(TimelineSpanSchema),
  width: z.number().int().min(480).max(4096).default(1100),
  /** Default: just tall enough for the rows drawn. */
  height: z.number().int().min(160).max(8192).optional(),
  /** Rows drawn at most; the rest are counted in a footer. */
  maxRows: z.number().int().min(1).max(200).default(40),
});
export type TraceTimelineInput = z.input<typeof TraceTimelineInputSchema>;
export type TraceTimelineOptions = z.output<typeof TraceTimelineInputSchema>;

export { bindWeaveTools } from './bind-tools.js';
export { type CallItem, CallItemSchema } from './call-item.js';
export { type CallFilters, searchCalls as searchWeaveCalls } from './call-search.js';
export { type FeedbackItem, FeedbackItemSchema } from './map-feedback.js';
export { type ObjectVersion, ObjectVersionSchema } from './map-object.js';
export {
  type WeaveSpan,
  WeaveSpanSchema,
  type WeaveTrace,
  WeaveTraceSchema,
} from './map-trace.js';
export { weaveTools } from './tools.js';
export {
  summarizeCalls as summarizeWeaveCalls,
  type TraceSummary,
  TraceSummarySchema,
} from './trace-summary.js';
export { fetchTraceTree as fetchWeaveTraceTree, type TraceTree } from './trace-tree.js';
export {
  type CallStreamOptions,
  type CallStreamStats,
  createWeaveClient,
  type WeaveClient,
  type WeaveClientOptions,
} from './weave-client.js';
export { parseProject as parseWeaveProject, type WeaveProject } from './weave-ids.js';
export { validateWeaveQuery } from './weave-query.js';

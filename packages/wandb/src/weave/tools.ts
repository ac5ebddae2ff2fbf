import type { AnyToolDefinition } from '@mlops-mcp/core';
import { addFeedbackTool } from './add-feedback.js';
import { getCallTool } from './get-call.js';
import { getCallStatsTool } from './get-call-stats.js';
import { getObjectTool } from './get-object.js';
import { getTraceTool } from './get-trace.js';
import { listFeedbackTool } from './list-feedback.js';
import { listObjectsTool } from './list-objects.js';
import { searchCallsTool } from './search-calls.js';
import { searchTracesTool } from './search-traces.js';
import { summarizeTracesTool } from './summarize-traces.js';
import type { WeaveClient } from './weave-context.js';

/** Every Weave (traces) tool, in the order tools/list shows them. */
export const weaveTools: readonly AnyToolDefinition<WeaveClient>[] = [
  searchTracesTool,
  getTraceTool,
  summarizeTracesTool,
  searchCallsTool,
  getCallTool,
  getCallStatsTool,
  listFeedbackTool,
  listObjectsTool,
  getObjectTool,
  addFeedbackTool,
];

import type { AnyToolDefinition } from '@mlops-mcp/core';
import { addFeedbackTool } from './tools/add-feedback.js';
import { getCallTool } from './tools/get-call.js';
import { getCallStatsTool } from './tools/get-call-stats.js';
import { getObjectTool } from './tools/get-object.js';
import { getTraceTool } from './tools/get-trace.js';
import { listFeedbackTool } from './tools/list-feedback.js';
import { listObjectsTool } from './tools/list-objects.js';
import { searchCallsTool } from './tools/search-calls.js';
import { searchTracesTool } from './tools/search-traces.js';
import { summarizeTracesTool } from './tools/summarize-traces.js';
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

import type { McpServer } from '@modelcontextprotocol/server';
import { registerCompareTopRuns } from './compare-top-runs.js';
import { registerDebugFailedTraces } from './debug-failed-traces.js';
import { registerDiagnoseLateFlowRuns } from './diagnose-late-flow-runs.js';
import { registerPromoteBestRun } from './promote-best-run.js';
import type { PromptContext } from './prompt-context.js';
import { registerWhatFailedOvernight } from './what-failed-overnight.js';

/**
 * Registers the workflow prompts whose backends are enabled: each turns the user's arguments
 * into an ordered list of tool calls with their inputs filled in. Needs `capabilities.prompts`.
 */
export function registerPrompts(server: McpServer, ctx: PromptContext): void {
  registerWhatFailedOvernight(server, ctx);
  registerDebugFailedTraces(server, ctx);
  registerCompareTopRuns(server, ctx);
  registerPromoteBestRun(server, ctx);
  registerDiagnoseLateFlowRuns(server, ctx);
}

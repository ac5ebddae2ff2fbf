import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { ToolListing } from '../tools/tool-listing.js';

/**
 * What prompts are built from: the selected tools (a prompt is registered only when the tools
 * its workflow starts with are selected, which also means its backend is enabled) and whether
 * writes are enabled (write steps then say how to turn them on instead of being hidden).
 */
export interface PromptContext {
  readonly tools: readonly (AnyToolDefinition | ToolListing)[];
  readonly readOnly: boolean;
}

/** True when the named tool is selected for this server. */
export function hasTool(ctx: PromptContext, name: string): boolean {
  return ctx.tools.some((tool) => tool.name === name);
}

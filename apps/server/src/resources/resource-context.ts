import type { AnyToolDefinition, BackendAdapter, Logger } from '@mlops-mcp/core';
import type { CallToolResult } from '@modelcontextprotocol/server';

/**
 * What resources are served from: the selected tools (a template is registered only when the
 * tool that reads it is selected), the enabled adapters (for the health overview), and the
 * gateway's own tool-call path, so a resource read and a tool call share one code path
 * (validation, error mapping, budget, redaction).
 */
export interface ResourceContext {
  readonly tools: readonly AnyToolDefinition[];
  readonly adapters: ReadonlyMap<string, BackendAdapter>;
  callTool(
    name: string,
    args: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<CallToolResult>;
  /** Where a failed `resources/list` lookup is reported (it then lists nothing for that template). */
  readonly logger?: Logger;
}

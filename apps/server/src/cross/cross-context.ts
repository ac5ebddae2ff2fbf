import type { BackendAdapter, BackendId } from '@mlops-mcp/core';
import { defineTool } from '@mlops-mcp/core';

/** What a cross-backend (`mlops_*`) tool works with: every adapter enabled for this request. */
export interface CrossContext {
  adapters: ReadonlyMap<BackendId, BackendAdapter>;
}

/** Declares an `mlops_*` tool: its handler receives the enabled adapters. */
export const defineCrossTool = defineTool<CrossContext>();

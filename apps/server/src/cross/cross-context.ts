import type { BackendAdapter, BackendId, CapabilityName } from '@mlops-mcp/core';
import { defineTool } from '@mlops-mcp/core';

/** A backend this build knows that is not enabled for this request, and how to enable it. */
export interface AbsentBackend {
  backend: BackendId;
  /** Human name, e.g. "W&B". */
  label: string;
  /** Capabilities its adapter implements when enabled. */
  capabilities: readonly CapabilityName[];
  /** What to do to enable it, e.g. "set WANDB_API_KEY". */
  enable: string;
}

/** What a cross-backend (`mlops_*`) tool works with: every adapter enabled for this request. */
export interface CrossContext {
  adapters: ReadonlyMap<BackendId, BackendAdapter>;
  /** Known backends that are off for this request (absent: none known, as in unit tests). */
  absent?: readonly AbsentBackend[];
}

/** Declares an `mlops_*` tool: its handler receives the enabled adapters. */
export const defineCrossTool = defineTool<CrossContext>();

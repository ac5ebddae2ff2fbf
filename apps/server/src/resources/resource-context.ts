import type { BackendAdapter } from '@mlops-mcp/core';
import type { RegisterDeps } from '../tools/register-tool.js';
import type { ToolListing } from '../tools/tool-listing.js';

/**
 * What resources are served from: the adapters enabled for this server (per-request ones
 * included), the tools the user excluded, and the same dependencies tool calls get. Resources
 * read through the backend's read tools whether or not those are listed in tools/list, so any
 * `ref.uri` a listed tool returns can be read back; an excluded tool serves no resource either.
 */
export interface ResourceContext extends RegisterDeps {
  /** Namespaces of the backends enabled for this server. */
  readonly backends: ReadonlySet<string>;
  /** Their adapters, made on the first read that needs one. */
  adapters(): Promise<ReadonlyMap<string, BackendAdapter>>;
  /** Every tool the gateway knows, by name, listed or not (resources read through them). */
  readonly tools: ReadonlyMap<string, ToolListing>;
  /** Tool names the user excluded (MLOPS_MCP_EXCLUDE_TOOLS): their data stays unavailable. */
  readonly excludeTools?: readonly string[];
}

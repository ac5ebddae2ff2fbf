import type { z } from 'zod';
import type { CapabilityName } from '../adapter.js';
import type { Logger } from '../logger.js';
import type { BackendId } from '../model/ref.js';

/** Everything a tool handler gets besides its input. */
export interface ToolContext<Client> {
  /** The adapter (or adapters) the tool works with. */
  client: Client;
  /** Aborted when the MCP client cancels the call. */
  signal: AbortSignal;
  /** Response budget in estimated tokens; list tools cut pages to fit and say so. */
  maxResponseTokens: number;
  logger: Logger;
  /** Reports progress to the client when it asked for it; a no-op otherwise. */
  progress(update: { progress: number; total?: number; message?: string }): Promise<void>;
}

/**
 * A tool as a backend package defines it: no MCP SDK types here. The server turns each into an
 * MCP tool (annotations derive from `access`), and filters them by toolset, name and access.
 */
export interface ToolDefinition<
  Client,
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
> {
  /** `<namespace>_<verb>_<noun>`, `[a-z0-9_]`, at most 64 characters. */
  name: string;
  title: string;
  /** When to use it and where its ids come from. */
  description: string;
  namespace: BackendId | 'mlops';
  /** Areas this tool belongs to besides its namespace, e.g. `runs`, `experiments`. */
  toolsets: readonly string[];
  /**
   * Cross-backend tools: capabilities that some enabled backend must implement, each, for the
   * tool to be listed (e.g. `['tracking']` for a run search). Omitted: any backend will do.
   */
  needs?: readonly CapabilityName[];
  /** `read` tools are always listed; `write` tools only when writes are enabled. */
  access: 'read' | 'write';
  /** For writes: may it destroy or overwrite data? */
  destructive?: boolean;
  /** Does calling it twice with the same input have no further effect? */
  idempotent?: boolean;
  inputSchema: Input;
  outputSchema: Output;
  handler(input: z.infer<Input>, context: ToolContext<Client>): Promise<z.infer<Output>>;
  /**
   * Pictures of the result (e.g. PNG charts) sent as image content beside the JSON text; the
   * numbers they show stay in the structured output.
   */
  images?(output: z.infer<Output>): ToolImage[] | Promise<ToolImage[]>;
}

/** An image a tool attaches to its result. */
export interface ToolImage {
  data: Buffer;
  mimeType: 'image/png';
}

/** A tool definition with its types erased, as registries hold them. */
// biome-ignore lint/suspicious/noExplicitAny: erasure point for heterogeneous tool lists
export type AnyToolDefinition<Client = any> = ToolDefinition<Client, any, any>;

/** Declares a tool with full type inference of its input and output. */
export function defineTool<Client>() {
  return <Input extends z.ZodObject, Output extends z.ZodObject>(
    definition: ToolDefinition<Client, Input, Output>,
  ): ToolDefinition<Client, Input, Output> => definition;
}

const TOOL_NAME = /^[a-z0-9_]{1,64}$/;

/** True when a name follows the `[a-z0-9_]`, ≤ 64 characters rule. */
export function isValidToolName(name: string): boolean {
  return TOOL_NAME.test(name);
}

import {
  type AnyToolDefinition,
  defineTool,
  type Logger,
  MlopsError,
  parseToolInput,
  secrets,
  type ToolContext,
} from '@mlops-mcp/core';
import { toErrorPayload } from '../tools/error-result.js';
import { boundName } from './declarations.js';
import type { BoundOutcome, SandboxLimits } from './sandbox.js';

/** Defaults of the sandbox limits: generous for aggregation, small for abuse. */
export const CODE_LIMIT_DEFAULTS = {
  timeoutMs: 30_000,
  memoryMb: 64,
  maxCalls: 50,
} as const;

/** A read tool bound into the sandbox, with the client it runs against. */
export interface BoundFunction {
  namespace: string;
  method: string;
  tool: AnyToolDefinition;
  /** The tool's adapter (or cross context); an MlopsError when this request has none. */
  client: unknown;
}

/** What the code-mode tools work with: the bound functions of this server and the limits. */
export interface CodeContext {
  functions: readonly BoundFunction[];
  limits: SandboxLimits;
  logger: Logger;
}

export const defineCodeTool = defineTool<CodeContext>();

/** The bound functions for `tools`, each with its client. */
export function bindTools(
  tools: readonly AnyToolDefinition[],
  clientOf: (tool: AnyToolDefinition) => unknown,
): BoundFunction[] {
  return tools.map((tool) => ({ ...boundName(tool.name), tool, client: clientOf(tool) }));
}

/**
 * Runs one bound function's tool the way a tool call runs (its input schema applied, the same
 * response budget, redaction), and returns exactly its structured content, or the structured
 * error an agent gets from the tool. Never throws.
 */
export async function invokeBound(
  fn: BoundFunction,
  args: unknown,
  context: Pick<ToolContext<unknown>, 'signal' | 'maxResponseTokens' | 'logger' | 'progress'>,
): Promise<BoundOutcome> {
  const started = performance.now();
  try {
    if (MlopsError.isInstance(fn.client)) throw fn.client;
    if (context.signal.aborted) {
      throw new MlopsError('cancelled', 'The call was cancelled.');
    }
    const input = parseToolInput(fn.tool.name, fn.tool.inputSchema, args);
    const output = await fn.tool.handler(input, { ...context, client: fn.client });
    const safe = secrets.isEmpty ? output : secrets.redactDeep(output);
    context.logger.debug(
      { tool: fn.tool.name, ms: Math.round(performance.now() - started), ok: true },
      'code-mode call',
    );
    // A JSON round trip: exactly what the structured content of the tool's MCP answer carries.
    return { ok: true, value: JSON.parse(JSON.stringify(safe) ?? 'null') };
  } catch (error) {
    const { error: payload } = toErrorPayload(error);
    context.logger.debug(
      {
        tool: fn.tool.name,
        ms: Math.round(performance.now() - started),
        ok: false,
        kind: payload.kind,
      },
      'code-mode call failed',
    );
    return { ok: false, error: { ...payload } };
  }
}

import type { AnyToolDefinition } from '@mlops-mcp/core';
import { weaveTools } from './tools.js';
import type { WeaveClient } from './weave-context.js';

/**
 * The Weave tools for a gateway whose `wandb` adapter is not itself a WeaveClient but holds one
 * (e.g. a combined GraphQL + Weave adapter): each handler gets `select(adapter)` as its client.
 */
export function bindWeaveTools<Client>(
  select: (client: Client) => WeaveClient,
): AnyToolDefinition<Client>[] {
  return weaveTools.map((tool) => ({
    ...tool,
    handler: (input, context) =>
      tool.handler(input, { ...context, client: select(context.client) }),
  }));
}

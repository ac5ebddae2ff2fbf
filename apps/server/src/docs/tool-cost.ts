import { type AnyToolDefinition, estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { toolAnnotations } from '../tools/register-tool.js';
import { advertisedInputOf, type ToolListing } from '../tools/tool-listing.js';

/**
 * Estimated tokens a model reads for a tool: its name, description and input schema (what
 * clients put in the model's tool list; titles, annotations and outputSchema stay with the
 * client, see docs/ARCHITECTURE.md).
 */
export function toolVisibleTokens(tool: AnyToolDefinition | ToolListing): number {
  return estimateTokens(
    toCompactJson({
      name: tool.name,
      description: tool.description,
      inputSchema: advertisedInputOf(tool),
    }),
  );
}

/**
 * Estimated tokens a tool adds to the `tools/list` result: everything it lists, serialised as
 * the SDK sends it (title, annotations and the `type: object` the SDK puts first included).
 */
export function toolListingTokens(tool: AnyToolDefinition | ToolListing): number {
  return estimateTokens(
    toCompactJson({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: { type: 'object', ...advertisedInputOf(tool) },
      annotations: toolAnnotations(tool),
    }),
  );
}

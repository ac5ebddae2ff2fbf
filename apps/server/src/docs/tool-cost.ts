import { type AnyToolDefinition, estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';

/**
 * Estimated tokens a tool adds to `tools/list`: its name, title, description, annotations and
 * both JSON schemas, serialised as the SDK sends them.
 */
export function toolListingTokens(tool: AnyToolDefinition): number {
  return estimateTokens(
    toCompactJson({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: z.toJSONSchema(tool.inputSchema, { io: 'input' }),
      outputSchema: z.toJSONSchema(tool.outputSchema, { io: 'output' }),
      annotations: {
        readOnlyHint: tool.access === 'read',
        destructiveHint: tool.destructive ?? false,
      },
    }),
  );
}

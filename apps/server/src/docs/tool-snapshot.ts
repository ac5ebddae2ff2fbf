import type { AnyToolDefinition } from '@mlops-mcp/core';
import { z } from 'zod';
import { advertisedInputSchema } from '../tools/advertised-schema.js';

/**
 * The interface of a tool, for `__toolsnaps__` (pretty JSON, stable order): the input schema as
 * `tools/list` advertises it, and the output schema its `structuredContent` follows (not listed).
 */
export function toolSnapshot(tool: AnyToolDefinition): string {
  const snapshot = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    access: tool.access,
    destructive: tool.access === 'write' ? (tool.destructive ?? true) : false,
    idempotent: tool.access === 'read' ? true : (tool.idempotent ?? false),
    toolsets: tool.toolsets,
    inputSchema: advertisedInputSchema(tool),
    outputSchema: z.toJSONSchema(tool.outputSchema, { io: 'output' }),
  };
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

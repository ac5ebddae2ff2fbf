import type { AnyToolDefinition } from '@mlops-mcp/core';
import { z } from 'zod';

/** The interface of a tool as a client sees it, for `__toolsnaps__` (pretty JSON, stable order). */
export function toolSnapshot(tool: AnyToolDefinition): string {
  const snapshot = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    access: tool.access,
    destructive: tool.access === 'write' ? (tool.destructive ?? true) : false,
    idempotent: tool.access === 'read' ? true : (tool.idempotent ?? false),
    toolsets: tool.toolsets,
    inputSchema: z.toJSONSchema(tool.inputSchema, { io: 'input' }),
    outputSchema: z.toJSONSchema(tool.outputSchema, { io: 'output' }),
  };
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

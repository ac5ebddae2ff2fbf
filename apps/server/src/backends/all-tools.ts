import type { AnyToolDefinition } from '@mlops-mcp/core';
import { codeTools } from '../code/code-tools.js';
import { crossTools } from '../cross/tools/index.js';
import { BACKENDS } from './catalog.js';

/** Every tool this build ships, enabled or not, in tools/list order. */
export function allTools(): AnyToolDefinition[] {
  return [...crossTools, ...codeTools, ...BACKENDS.flatMap((backend) => [...backend.tools])];
}

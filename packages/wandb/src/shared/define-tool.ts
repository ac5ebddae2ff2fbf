import { defineTool } from '@mlops-mcp/core';
import type { WandbAdapter } from '../wandb-adapter.js';

/** Declares a W&B tool: its handler receives the W&B adapter as `client`. */
export const defineWandbTool = defineTool<WandbAdapter>();

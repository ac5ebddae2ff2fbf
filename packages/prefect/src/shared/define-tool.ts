import { defineTool } from '@mlops-mcp/core';
import type { PrefectAdapter } from '../prefect-adapter.js';

/** Declares a Prefect tool: its handler receives the Prefect adapter as `client`. */
export const definePrefectTool = defineTool<PrefectAdapter>();

import { defineTool } from '@mlops-mcp/core';
import type { WeaveClient } from './weave-client.js';

/** Declares a Weave tool: its handler receives the Weave client as `client`. */
export const defineWeaveTool = defineTool<WeaveClient>();

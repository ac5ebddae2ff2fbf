import type { AnyToolDefinition } from '@mlops-mcp/core';
import { diagnoseAutomationTool } from '../automations/diagnose-automation.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { diagnoseFlowRunTool } from './diagnose-flow-run.js';
import { diagnoseLateRunsTool } from './diagnose-late-runs.js';

/** The composite diagnosis tools (toolset "diagnoses"): each answers one "why" in one call. */
export const diagnosesTools: readonly AnyToolDefinition<PrefectAdapter>[] = [
  diagnoseFlowRunTool,
  diagnoseLateRunsTool,
  diagnoseAutomationTool,
];

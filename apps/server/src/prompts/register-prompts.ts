import type { McpServer } from '@modelcontextprotocol/server';
import { compareTopRunsPrompt } from './compare-top-runs.js';
import { debugFailedTracesPrompt } from './debug-failed-traces.js';
import { diagnoseLateFlowRunsPrompt } from './diagnose-late-flow-runs.js';
import { promoteBestRunPrompt } from './promote-best-run.js';
import type { PromptContext } from './prompt-context.js';
import { whatFailedOvernightPrompt } from './what-failed-overnight.js';
import type { WorkflowPrompt } from './workflow-prompt.js';

/**
 * The workflow prompts whose backends are enabled: each turns the user's arguments into an
 * ordered list of tool calls with their inputs filled in. Build them once per gateway (their
 * argument schemas are the costly part) and register them on each server with `addPrompts`.
 */
export function workflowPrompts(ctx: PromptContext): readonly WorkflowPrompt[] {
  return [
    whatFailedOvernightPrompt(ctx),
    debugFailedTracesPrompt(ctx),
    compareTopRunsPrompt(ctx),
    promoteBestRunPrompt(ctx),
    diagnoseLateFlowRunsPrompt(ctx),
  ].filter((prompt) => prompt !== undefined);
}

/** Registers prompts built by `workflowPrompts`. Needs `capabilities.prompts`. */
export function addPrompts(server: McpServer, prompts: readonly WorkflowPrompt[]): void {
  for (const prompt of prompts) {
    server.registerPrompt(
      prompt.name,
      { title: prompt.title, description: prompt.description, argsSchema: prompt.argsSchema },
      (args) => prompt.render(args),
    );
  }
}

/** Builds and registers the workflow prompts in one go (a server built once, e.g. in tests). */
export function registerPrompts(server: McpServer, ctx: PromptContext): void {
  addPrompts(server, workflowPrompts(ctx));
}

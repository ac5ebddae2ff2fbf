import type { GetPromptResult } from '@modelcontextprotocol/server';
import { hasTool, type PromptContext } from './prompt-context.js';

/** One tool call of a workflow: which tool, with which input, and what to look for. */
export interface PromptStep {
  tool: string;
  /** The input, filled with the user's arguments; `<...>` marks values from earlier results. */
  args: Record<string, unknown>;
  why: string;
  /** A write tool: shown even in read-only mode, with how to enable writes. */
  write?: boolean;
}

/** The parts of a workflow prompt around its steps. */
export interface PromptPlan {
  /** What the user asked for, with the arguments as given. */
  goal: string;
  steps: readonly PromptStep[];
  /** How to report the result. */
  report: string;
  /** Extra rules, e.g. confirmation before writes. */
  notes?: readonly string[];
}

/** The variable that enables write tools. */
export const READ_ONLY_VARIABLE = 'MLOPS_MCP_READ_ONLY';

/**
 * Renders a workflow as one user message. Each step reads
 * "N. <why>\n   Call `<tool>` with <JSON input>" so the model can copy the input as is.
 * Read steps whose tool is not selected are left out (their absence would only produce an
 * error); write steps stay and say how to enable writes when the gateway is read-only.
 */
export function renderPlan(ctx: PromptContext, plan: PromptPlan): GetPromptResult {
  const lines = [plan.goal, '', 'Do this with the mlops-mcp tools, in order:'];
  let number = 0;
  for (const step of plan.steps) {
    const available = hasTool(ctx, step.tool);
    if (!available && !step.write) continue;
    number += 1;
    const gate =
      step.write && ctx.readOnly
        ? ` (write tool: not listed while the gateway is read-only; it needs ${READ_ONLY_VARIABLE}=false)`
        : '';
    lines.push(
      `${number}. ${step.why}${gate}`,
      `   Call \`${step.tool}\` with ${JSON.stringify(step.args)}`,
    );
  }
  lines.push(
    '',
    'Values in <angle brackets> come from the results of earlier steps. When a result has nextCursor and you need more, pass it back as cursor.',
  );
  for (const note of plan.notes ?? []) lines.push(note);
  lines.push('', plan.report);
  return {
    description: plan.goal,
    messages: [{ role: 'user', content: { type: 'text', text: lines.join('\n') } }],
  };
}

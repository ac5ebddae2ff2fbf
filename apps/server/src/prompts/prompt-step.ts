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
  /** Steps to use instead, in order, when this step's tool is not listed (e.g. a smaller profile). */
  or?: readonly PromptStep[];
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
 * The step to show: the first of the step and its alternatives whose tool is listed; a write
 * step on a read-only gateway as is (it says how to enable writes); otherwise none, since
 * naming a tool the client cannot call only produces an error.
 */
export function chooseStep(ctx: PromptContext, step: PromptStep): PromptStep | undefined {
  const listed = [step, ...(step.or ?? [])].find((option) => hasTool(ctx, option.tool));
  if (listed) return listed;
  return step.write && ctx.readOnly ? step : undefined;
}

/**
 * Renders a workflow as one user message. Each step reads
 * "N. <why>\n   Call `<tool>` with <JSON input>" so the model can copy the input as is.
 */
export function renderPlan(ctx: PromptContext, plan: PromptPlan): GetPromptResult {
  const lines = [plan.goal, '', 'Do this with the mlops-mcp tools, in order:'];
  let number = 0;
  for (const planned of plan.steps) {
    const step = chooseStep(ctx, planned);
    if (!step) continue;
    number += 1;
    const gate =
      step.write && !hasTool(ctx, step.tool)
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

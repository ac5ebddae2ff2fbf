import type { CallSummary } from './weave-api-types.js';

/** Token counts summed over every model a call (and, for a parent, its children) used. */
export interface TokenUsage {
  input: number;
  output: number;
  total: number;
}

/**
 * Token usage from `summary.usage` (per model; the SDK rolls children up into parents, so a
 * root call holds its whole trace's usage). Undefined when the call recorded none.
 */
export function tokenUsage(summary: CallSummary | null | undefined): TokenUsage | undefined {
  const usage = summary?.usage;
  if (!usage || Object.keys(usage).length === 0) return undefined;
  let input = 0;
  let output = 0;
  let total = 0;
  for (const model of Object.values(usage)) {
    const inTokens = model.prompt_tokens ?? model.input_tokens ?? 0;
    const outTokens = model.completion_tokens ?? model.output_tokens ?? 0;
    input += inTokens;
    output += outTokens;
    total += model.total_tokens ?? inTokens + outTokens;
  }
  return { input, output, total };
}

/** Models named in `summary.usage`, in the order recorded. */
export function usageModels(summary: CallSummary | null | undefined): string[] {
  return Object.keys(summary?.usage ?? {});
}

/**
 * Cost in USD from `summary.weave.costs`, which the server adds when asked `include_costs` and
 * it has prices for the model; undefined otherwise (never a made-up zero).
 */
export function costUsd(summary: CallSummary | null | undefined): number | undefined {
  const costs = summary?.weave?.costs;
  if (!costs || Object.keys(costs).length === 0) return undefined;
  let total = 0;
  for (const cost of Object.values(costs)) {
    total += (cost.prompt_tokens_total_cost ?? 0) + (cost.completion_tokens_total_cost ?? 0);
  }
  return Number(total.toPrecision(6));
}

import type { Agent } from '../task.js';

/** What mlops_execute answers. */
export interface SnippetAnswer {
  result: unknown;
  calls: number;
  truncated?: boolean;
  note?: string;
}

/**
 * Runs one code-mode snippet through mlops_execute and returns its result; throws with the
 * structured error when the snippet failed, and when the result was cut (a code plan must
 * return an answer that fits). Untyped (`never`), it takes the type of the task's answer, which
 * the task's `plan` fixes.
 */
export async function runSnippet<T = never>(agent: Agent, code: string): Promise<T> {
  const { structured, isError, text } = await agent.call('mlops_execute', { code });
  if (isError) throw new Error(`mlops_execute failed: ${text.slice(0, 800)}`);
  const answer = structured as unknown as SnippetAnswer;
  if (answer.truncated) throw new Error(`mlops_execute cut the result: ${answer.note}`);
  return answer.result as T;
}

/** Backend calls the snippets of a code-mode agent made (mlops_execute's `calls`). */
export function backendCallsOf(calls: readonly { tool: string; text: string }[]): number {
  let total = 0;
  for (const call of calls) {
    if (call.tool !== 'mlops_execute') continue;
    try {
      const parsed = JSON.parse(call.text) as { calls?: unknown };
      if (typeof parsed.calls === 'number') total += parsed.calls;
    } catch {
      // An error answer: no calls to count.
    }
  }
  return total;
}

import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { exceptionText, runWeavePython, serverCalls } from './weave.js';

/** A day's summary of an app's traces: how many, how many failed, the most common error. */
export const weaveTraceSummary = defineTask({
  id: 'weave-trace-summary',
  question: (v: { project: string }) =>
    `Summarise my chatbot's traces in the Weave project "${v.project}" for the last day: how many runs, how many failed, and what was the most common error?`,
  tags: ['common', 'computation'],
  backends: ['weave'],
  async seed(ctx) {
    const project = `${ctx.prefix}-chatbot`;
    await runWeavePython(
      ctx,
      project,
      `
class RateLimitError(Exception):
    pass

@weave.op
def chat(message: str) -> str:
    if message.startswith("burst"):
        raise RateLimitError("429 Too Many Requests: rate limit of 60 rpm exceeded")
    if message == "":
        raise ValueError("empty message")
    return "hi"

for m in ["hello", "burst 1", "how are you", "burst 2", "", "burst 3", "bye", "thanks"]:
    chat.call(m)
done({"ok": True})
`,
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const dayAgo = Date.now() - 86_400_000;
    const roots = (await serverCalls(ctx, visible.project)).filter(
      (c) => !c.parent_id && Date.parse(c.started_at) >= dayAgo,
    );
    const errors = roots.filter((c) => c.exception);
    const counts = new Map<string, number>();
    for (const c of errors) {
      const text = exceptionText(c)!;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    return { total: roots.length, failed: errors.length, topError: top[0], topCount: top[1] };
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_summarize_traces', { project });
    const s = structured as {
      total: number;
      byStatus: { error: number };
      topErrors: { message: string; count: number }[];
    };
    return {
      total: s.total,
      failed: s.byStatus.error,
      topError: s.topErrors[0]?.message,
      topCount: s.topErrors[0]?.count,
    };
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const s = await wandb.summarizeTraces({ project: ${JSON.stringify(project)} });
return { total: s.total, failed: s.byStatus.error, topError: s.topErrors[0]?.message, topCount: s.topErrors[0]?.count };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.total !== truth.total)
      problems.push(`${answer.total} runs, expected ${truth.total}`);
    if (answer.failed !== truth.failed)
      problems.push(`${answer.failed} failed, expected ${truth.failed}`);
    if (answer.topError !== truth.topError)
      problems.push(`top error "${answer.topError}", expected "${truth.topError}"`);
    if (answer.topCount !== truth.topCount)
      problems.push(`top error count ${answer.topCount}, expected ${truth.topCount}`);
    return problems;
  },
});

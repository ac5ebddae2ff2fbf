import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf } from './standin.js';
import { opName, runWeavePython, serverCalls } from './weave.js';

/** Which agent traces failed, and the op inside each that raised first (the deepest failure). */
export const weaveFailingCallsAndChildOp = defineTask({
  id: 'weave-failing-calls-and-child-op',
  question: (v: { project: string }) =>
    `Some runs of my agent in the Weave project "${v.project}" failed. Which ones, and which step inside each failed?`,
  tags: ['common'],
  backends: ['weave'],
  async seed(ctx) {
    const project = `${ctx.prefix}-support-bot`;
    await runWeavePython(
      ctx,
      project,
      `
@weave.op
def retrieve(query: str) -> list:
    if "archive" in query:
        raise TimeoutError("vector store timed out after 5s")
    return ["doc-1", "doc-2"]

@weave.op
def rerank(docs: list) -> list:
    return list(reversed(docs))

@weave.op
def generate(prompt: str) -> str:
    if "refund" in prompt:
        raise RuntimeError("context window exceeded (131072 tokens)")
    return "an answer"

@weave.op
def answer_question(question: str) -> str:
    docs = rerank(retrieve(question))
    return generate(question + " " + " ".join(docs))

for q in ["reset my password", "search the archive for invoices", "where is my order",
          "refund policy for damaged items", "change my email"]:
    answer_question.call(q)
done({"ok": True})
`,
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const calls = await serverCalls(ctx, visible.project);
    const byId = new Map(calls.map((c) => [c.id, c]));
    const depth = (c: (typeof calls)[number]): number =>
      c.parent_id && byId.has(c.parent_id) ? 1 + depth(byId.get(c.parent_id)!) : 0;
    const failing: Record<string, string> = {};
    for (const root of calls.filter((c) => !c.parent_id && c.exception)) {
      const deepest = calls
        .filter((c) => c.trace_id === root.trace_id && c.exception)
        .sort((a, b) => depth(b) - depth(a))[0]!;
      failing[root.trace_id] = opName(deepest.op_name);
    }
    return failing;
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_traces', { project, status: 'error' });
    const answer: Record<string, string> = {};
    for (const trace of itemsOf(structured) as { id: string }[]) {
      const tree = await agent.call('wandb_get_trace', { project, traceId: trace.id });
      const spans = (tree.structured.spans as { id: string; depth: number }[]) ?? [];
      const errors = (tree.structured.errors as { callId: string; op: string }[]) ?? [];
      const depthOf = (id: string) => spans.find((s) => s.id === id)?.depth ?? 0;
      const deepest = [...errors].sort((a, b) => depthOf(b.callId) - depthOf(a.callId))[0];
      if (deepest) answer[trace.id] = opName(deepest.op);
    }
    return answer;
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const opName = (ref) => { if (!ref) return ''; const tail = ref.includes('/op/') ? ref.split('/op/')[1] : ref; return tail.split(':')[0]; };
const { items } = await wandb.searchTraces({ project: ${JSON.stringify(project)}, status: 'error' });
const answer = {};
for (const trace of items) {
  const tree = await wandb.getTrace({ project: ${JSON.stringify(project)}, traceId: trace.id });
  const spans = tree.spans ?? [];
  const depthOf = (id) => spans.find((s) => s.id === id)?.depth ?? 0;
  const deepest = [...(tree.errors ?? [])].sort((a, b) => depthOf(b.callId) - depthOf(a.callId))[0];
  if (deepest) answer[trace.id] = opName(deepest.op);
}
return answer;`,
    ),
  check(answer, truth) {
    const show = (o: Record<string, string>) =>
      Object.entries(o)
        .sort()
        .map(([id, op]) => `${id.slice(0, 8)}:${op}`)
        .join(', ');
    if (Object.keys(truth).length !== 2) return [`the seed should fail 2 traces: ${show(truth)}`];
    return show(answer) === show(truth) ? [] : [`${show(answer)}, expected ${show(truth)}`];
  },
});

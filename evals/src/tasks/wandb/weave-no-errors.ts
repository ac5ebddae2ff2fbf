import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf } from './standin.js';
import { runWeavePython, serverCalls } from './weave.js';

/** The right answer is "no failures": every trace of the day succeeded. */
export const weaveNoErrors = defineTask({
  id: 'weave-no-errors',
  question: (v: { project: string }) =>
    `Did any of my traces in the Weave project "${v.project}" fail in the last day?`,
  tags: ['nothing-wrong'],
  backends: ['weave'],
  async seed(ctx) {
    const project = `${ctx.prefix}-healthy-app`;
    await runWeavePython(
      ctx,
      project,
      `
@weave.op
def lookup(key: str) -> str:
    return key.upper()

@weave.op
def handle(request: str) -> str:
    return lookup(request)

for r in ["a", "b", "c", "d", "e"]:
    handle.call(r)
done({"ok": True})
`,
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const calls = await serverCalls(ctx, visible.project);
    if (calls.length === 0) throw new Error('the seed made no calls');
    return calls.filter((c) => !c.parent_id && c.exception).map((c) => c.trace_id);
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_search_traces', {
      project,
      status: 'error',
      startedAfter: '24h',
    });
    return itemsOf(structured).map((t) => String(t.id));
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchTraces({ project: ${JSON.stringify(project)}, status: 'error', startedAfter: '24h' });
return items.map((t) => String(t.id));`,
    ),
  check(answer, truth) {
    return answer.join() === truth.join()
      ? []
      : [`failed traces ${answer.join(', ') || 'none'}, expected ${truth.join(', ') || 'none'}`];
  },
});

import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { latencyMs, opName, runWeavePython, serverCalls } from './weave.js';

/** Which op is slowest (median latency), from wandb_summarize_traces over every call. */
export const weaveSlowestOp = defineTask({
  id: 'weave-slowest-op',
  question: (v: { project: string }) =>
    `Which op in my Weave project "${v.project}" is the slowest (median latency) over the last day?`,
  tags: ['common', 'computation'],
  backends: ['weave'],
  async seed(ctx) {
    const project = `${ctx.prefix}-rag-latency`;
    // Each op called on its own (every call a root), with explicit start and end times, as the
    // SDK backfills history: embed ~120 ms, rerank ~900 ms (one fast outlier), generate ~450 ms.
    await runWeavePython(
      ctx,
      project,
      `
@weave.op
def embed(text: str) -> list:
    return [0.1, 0.2]

@weave.op
def rerank(docs: list) -> list:
    return docs

@weave.op
def generate(prompt: str) -> str:
    return "text"

plan = [(embed, {"text": "t"}, [110, 120, 130, 125, 118]),
        (rerank, {"docs": ["a"]}, [880, 920, 60, 905, 890]),
        (generate, {"prompt": "p"}, [430, 470, 450, 1500, 440])]
i = 0
for op, inputs, latencies in plan:
    for latency in latencies:
        started = now - datetime.timedelta(minutes=90 - i)
        call = client.create_call(op, inputs, started_at=started)
        client.finish_call(call, None, ended_at=started + ms(latency))
        i += 1
done({"calls": i})
`,
    );
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const calls = await serverCalls(ctx, visible.project);
    const byOp = new Map<string, number[]>();
    for (const call of calls) {
      const latency = latencyMs(call);
      if (latency === undefined) continue;
      const op = opName(call.op_name);
      byOp.set(op, [...(byOp.get(op) ?? []), latency]);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ranked = [...byOp].map(([op, xs]) => ({ op, median: median(xs) }));
    ranked.sort((a, b) => b.median - a.median);
    return ranked[0]!.op;
  },
  async plan(agent, { project }) {
    const { structured } = await agent.call('wandb_summarize_traces', {
      project,
      rootsOnly: false,
    });
    const byOp = (structured.byOp as { op: string; p50LatencyMs?: number }[]) ?? [];
    const slowest = [...byOp].sort((a, b) => (b.p50LatencyMs ?? 0) - (a.p50LatencyMs ?? 0))[0];
    return slowest ? opName(slowest.op) : undefined;
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `const s = await wandb.summarizeTraces({ project: ${JSON.stringify(project)}, rootsOnly: false });
const slowest = [...(s.byOp ?? [])].sort((a, b) => (b.p50LatencyMs ?? 0) - (a.p50LatencyMs ?? 0))[0];
if (!slowest) return undefined;
const tail = slowest.op.includes('/op/') ? slowest.op.split('/op/')[1] : slowest.op;
return tail.split(':')[0];`,
    ),
  check(answer, truth) {
    return answer === truth ? [] : [`slowest op ${answer}, expected ${truth}`];
  },
});

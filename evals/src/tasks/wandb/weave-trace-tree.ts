import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf } from './standin.js';
import { opName, runWeavePython, serverCalls } from './weave.js';

/** The steps of the latest trace of an op: which ops ran, in what order and nesting. */
export const weaveTraceTree = defineTask({
  id: 'weave-trace-tree',
  question: (v: { project: string; op: string }) =>
    `Show me the steps of the latest "${v.op}" trace in my Weave project "${v.project}": which ops ran, in what order, nested how?`,
  tags: ['common'],
  backends: ['weave'],
  async seed(ctx) {
    const project = `${ctx.prefix}-travel-agent`;
    await runWeavePython(
      ctx,
      project,
      `
@weave.op
def call_airline_api(route: str) -> dict:
    return {"route": route, "fares": [120, 180]}

@weave.op
def search_flights(route: str) -> dict:
    return call_airline_api(route)

@weave.op
def search_hotels(city: str) -> list:
    return ["Hotel A", "Hotel B"]

@weave.op
def check_weather(city: str) -> str:
    return "sunny"

@weave.op
def summarize(parts: list) -> str:
    return "; ".join(str(p) for p in parts)

@weave.op
def plan_trip(city: str) -> str:
    flights = search_flights("BER-" + city)
    if city == "LIS":
        return summarize([flights, search_hotels(city), check_weather(city)])
    return summarize([flights, search_hotels(city)])

plan_trip("ROM")
plan_trip("LIS")
done({"ok": True})
`,
    );
    return { visible: { project, op: 'plan_trip' }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const calls = await serverCalls(ctx, visible.project);
    const roots = calls.filter((c) => !c.parent_id && opName(c.op_name) === visible.op);
    const latest = roots.sort((a, b) => b.started_at.localeCompare(a.started_at))[0]!;
    const inTrace = calls.filter((c) => c.trace_id === latest.trace_id);
    const steps: string[] = [];
    const walk = (id: string, depth: number) => {
      const call = inTrace.find((c) => c.id === id)!;
      steps.push(`${depth}:${opName(call.op_name)}`);
      const children = inTrace
        .filter((c) => c.parent_id === id)
        .sort((a, b) => a.started_at.localeCompare(b.started_at));
      for (const child of children) walk(child.id, depth + 1);
    };
    walk(latest.id, 0);
    return steps;
  },
  async plan(agent, { project, op }) {
    const { structured } = await agent.call('wandb_search_traces', {
      project,
      opNames: [op],
      limit: 1,
    });
    const trace = itemsOf(structured)[0] as { id: string } | undefined;
    if (!trace) return [];
    const tree = await agent.call('wandb_get_trace', { project, traceId: trace.id });
    const spans = (tree.structured.spans as { name: string; depth: number }[]) ?? [];
    return spans.map((span) => `${span.depth}:${opName(span.name)}`);
  },
  codePlan: (agent, { project, op }) =>
    runSnippet(
      agent,
      `const { items } = await wandb.searchTraces({ project: ${JSON.stringify(project)}, opNames: [${JSON.stringify(op)}], limit: 1 });
if (!items[0]) return [];
const tree = await wandb.getTrace({ project: ${JSON.stringify(project)}, traceId: items[0].id });
const opName = (ref) => { if (!ref) return ''; const tail = ref.includes('/op/') ? ref.split('/op/')[1] : ref; return tail.split(':')[0]; };
return (tree.spans ?? []).map((span) => span.depth + ':' + opName(span.name));`,
    ),
  check(answer, truth) {
    return answer.join(' ') === truth.join(' ')
      ? []
      : [`steps ${answer.join(' ')}, expected ${truth.join(' ')}`];
  },
});

import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { expectEqual, sorted } from './mlflow-rest.js';
import { ERROR_TRACES_TRUTH, SEED_TRACES } from './traces-python.js';

/**
 * Error traces from three days ago, none since. The question names no window: a default "last
 * 24 h" that answers an empty list without saying so reads as "nothing failed".
 */
export const oldErrorTraces = defineTask({
  id: 'mlflow-old-error-traces',
  question: (v: { experiment: string }) =>
    `Have any requests traced in MLflow experiment "${v.experiment}" ended in an error? Which traces?`,
  tags: ['misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-rag-assistant`;
    const spec = {
      experiment,
      startMsAgo: 3 * 24 * 3_600_000,
      requests: [
        { question: 'Summarize the Q3 report' },
        {
          question: 'List open incidents',
          fail: 'retrieve_docs',
          error: 'vector store unreachable',
        },
        { question: 'Who owns service billing?' },
        { question: 'Draft a status update', fail: 'call_llm', error: 'rate limited (429)' },
      ],
    };
    const { experimentId } = await ctx.python<{ experimentId: string }>(SEED_TRACES, {
      TRACE_SPEC: JSON.stringify(spec),
    });
    return { visible: { experiment }, hidden: { experimentId } };
  },
  async truth(ctx, { hidden }) {
    const { errors } = await ctx.python<{ errors: { traceId: string }[] }>(ERROR_TRACES_TRUTH, {
      EXPERIMENT_ID: hidden.experimentId,
    });
    return { traces: sorted(errors.map((e) => e.traceId)) };
  },
  async plan(agent, { experiment }) {
    const first = await agent.call('mlops_search_traces', {
      experiment,
      status: 'error',
      limit: 50,
    });
    if (first.isError) throw new Error(first.text);
    // The question is about MLflow: Weave traces of the default W&B project are merged in too.
    const mlflowOnly = (items: unknown) =>
      (items as { backend: string; id: string }[]).filter((trace) => trace.backend === 'mlflow');
    let items = mlflowOnly(first.structured.items);
    const caveats = (first.structured.caveats ?? []) as unknown[];
    // A competent agent widens the window when the answer says one hid older traces.
    if (items.length === 0 && JSON.stringify(caveats).match(/since|window|older/i)) {
      const wider = await agent.call('mlops_search_traces', {
        experiment,
        status: 'error',
        since: '90d',
        limit: 50,
      });
      if (wider.isError) throw new Error(wider.text);
      items = mlflowOnly(wider.structured.items);
    }
    return { traces: sorted(items.map((item) => item.id)) };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const mlflowOnly = (items) => items.filter((trace) => trace.backend === 'mlflow');
const first = await mlops.searchTraces({ experiment: ${JSON.stringify(experiment)}, status: 'error', limit: 50 });
let items = mlflowOnly(first.items);
if (items.length === 0 && JSON.stringify(first.caveats ?? []).match(/since|window|older/i)) {
  items = mlflowOnly((await mlops.searchTraces({ experiment: ${JSON.stringify(experiment)}, status: 'error', since: '90d', limit: 50 })).items);
}
return { traces: items.map((item) => item.id).sort() };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'error traces', answer.traces, truth.traces);
    return problems;
  },
});

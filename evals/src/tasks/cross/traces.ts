import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, logTraces, same, traceIds } from './helpers.js';

interface TraceAnswer {
  /** Error trace ids the agent reports, in the window or older than it. */
  errorIds: string[];
}

/** Error traces older than the default 24 h window must not read as "nothing failed". */
export const oldErrorTraces = defineTask({
  id: 'cross-old-error-traces-revealed',
  question: (v: { experiment: string }) =>
    `Have any traces of my agent (MLflow experiment "${v.experiment}") failed?`,
  tags: ['misleading-default', 'common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-support-agent`;
    const { experimentId } = await logTraces(ctx, experiment, [
      { name: 'answer-ticket', error: false, daysAgo: 0.1 },
      { name: 'answer-ticket', error: true, daysAgo: 3 },
      { name: 'answer-ticket', error: false, daysAgo: 4 },
    ]);
    return { visible: { experiment }, hidden: { experimentId } };
  },
  truth: (ctx, { hidden }) => traceIds(ctx, hidden.experimentId, true),
  async plan(agent, { experiment }): Promise<TraceAnswer> {
    const first = await agent.call('mlops_search_traces', { status: 'error', experiment });
    // Weave traces come too (no experiment there): the question is about MLflow's.
    const mlflow = (t: { backend: string }) => t.backend === 'mlflow';
    const ids = itemsOf<{ id: string; backend: string }>(first.structured).filter(mlflow);
    const older = itemsOf<{ id: string; backend: string }>(
      first.structured,
      'olderThanWindow',
    ).filter(mlflow);
    if (ids.length > 0 || older.length === 0) return { errorIds: ids.map((t) => t.id) };
    // The default window hid them: widen as the caveat says and list them all.
    const caveat = itemsOf<{ backend: string; kind: string; message: string }>(
      first.structured,
      'caveats',
    ).find((c) => c.kind === 'older_than_window' && c.backend === 'mlflow');
    const since = /since "([^"]+)"/.exec(caveat?.message ?? '')?.[1] ?? '30d';
    const wide = await agent.call('mlops_search_traces', { status: 'error', experiment, since });
    return {
      errorIds: itemsOf<{ id: string; backend: string }>(wide.structured)
        .filter(mlflow)
        .map((t) => t.id),
    };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const mlflowOnly = (t) => t.backend === 'mlflow';
const first = await mlops.searchTraces({ status: 'error', experiment: ${JSON.stringify(experiment)} });
const ids = first.items.filter(mlflowOnly);
const older = (first.olderThanWindow ?? []).filter(mlflowOnly);
if (ids.length > 0 || older.length === 0) return { errorIds: ids.map((t) => t.id) };
const caveat = (first.caveats ?? []).find((c) => c.kind === 'older_than_window' && c.backend === 'mlflow');
const since = /since "([^"]+)"/.exec(caveat?.message ?? '')?.[1] ?? '30d';
const wide = await mlops.searchTraces({ status: 'error', experiment: ${JSON.stringify(experiment)}, since });
return { errorIds: wide.items.filter(mlflowOnly).map((t) => t.id) };`,
    ),
  check(answer, truth) {
    return same(answer.errorIds, truth)
      ? []
      : [`error traces ${JSON.stringify(answer.errorIds)}, expected ${JSON.stringify(truth)}`];
  },
});

/** Nothing is wrong: no error trace in the window, and none older either. */
export const noErrorTraces = defineTask({
  id: 'cross-no-error-traces-at-all',
  question: (v: { experiment: string }) =>
    `Did any trace of the MLflow experiment "${v.experiment}" ever fail?`,
  tags: ['nothing-wrong'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-faq-bot`;
    const { experimentId } = await logTraces(ctx, experiment, [
      { name: 'faq', error: false, daysAgo: 0.2 },
      { name: 'faq', error: false, daysAgo: 5 },
    ]);
    return { visible: { experiment }, hidden: { experimentId } };
  },
  truth: async (ctx, { hidden }) => (await traceIds(ctx, hidden.experimentId, true)).length,
  async plan(agent, { experiment }) {
    const { structured } = await agent.call('mlops_search_traces', { status: 'error', experiment });
    const mlflow = (t: { backend: string }) => t.backend === 'mlflow';
    return (
      itemsOf<{ backend: string }>(structured).filter(mlflow).length +
      itemsOf<{ backend: string }>(structured, 'olderThanWindow').filter(mlflow).length
    );
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const s = await mlops.searchTraces({ status: 'error', experiment: ${JSON.stringify(experiment)} });
const mlflowOnly = (t) => t.backend === 'mlflow';
return s.items.filter(mlflowOnly).length + (s.olderThanWindow ?? []).filter(mlflowOnly).length;`,
    ),
  check(answer, truth) {
    return answer === truth ? [] : [`${answer} error traces reported, expected ${truth}`];
  },
});

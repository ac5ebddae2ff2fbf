import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf } from './helpers.js';

interface OffAnswer {
  /** The agent could tell that no tracking backend (MLflow, W&B) is on. */
  trackingOff: boolean;
  /** Backends the answer names as off. */
  off: string[];
}

/** A gateway with only Prefect, asked about runs: it must say no tracking backend is on. */
export const runsWithOnlyPrefect = defineTask({
  id: 'cross-runs-question-with-only-prefect',
  question: (v: { experiment: string }) => `What is the best run of "${v.experiment}" so far?`,
  tags: ['backend-off'],
  backends: ['prefect'],
  gateway: { enabled: ['prefect'] },
  async seed(ctx) {
    return { visible: { experiment: `${ctx.prefix}-llm-sft` }, hidden: {} };
  },
  // The gateway of this task runs without MLflow and W&B settings: nothing can be searched.
  truth: async () => ({ trackingOff: true, off: ['mlflow', 'wandb'] }),
  async plan(agent): Promise<OffAnswer> {
    const listed = await agent.listedTools();
    const { structured } = await agent.call('mlops_what_failed', {});
    const off = itemsOf<{ backend: string; kind: string }>(structured, 'caveats')
      .filter((caveat) => caveat.kind === 'not_enabled')
      .map((caveat) => caveat.backend)
      .sort();
    return { trackingOff: !listed.includes('mlops_search_runs') && off.length > 0, off };
  },
  codePlan: (agent, _visible) =>
    runSnippet(
      agent,
      `const w = await mlops.whatFailed({});
const off = (w.caveats ?? []).filter((c) => c.kind === 'not_enabled').map((c) => c.backend).sort();
return { trackingOff: typeof mlops.searchRuns === 'undefined' && off.length > 0, off };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.trackingOff !== truth.trackingOff)
      problems.push('could not tell that no tracking backend is enabled');
    if (JSON.stringify(answer.off) !== JSON.stringify(truth.off))
      problems.push(`off ${answer.off}, expected ${truth.off}`);
    return problems;
  },
});

/** The overview names what is off and how to turn it on. */
export const overviewWithOnlyPrefect = defineTask({
  id: 'cross-overview-names-backends-that-are-off',
  question: () => 'Which of my ML backends can you reach, and which are not connected?',
  tags: ['backend-off', 'nothing-wrong'],
  backends: ['prefect'],
  gateway: { enabled: ['prefect'] },
  async seed() {
    return { visible: {}, hidden: {} };
  },
  async truth(ctx) {
    const version = await ctx.rest<string>(`${ctx.prefectUrl}/admin/version`);
    return { reachable: ['prefect'], prefectVersion: version, off: ['MLflow', 'W&B'] };
  },
  async plan(agent) {
    const { structured } = await agent.call('mlops_overview', {});
    const backends = itemsOf<{ backend: string; reachable: boolean; version?: string }>(
      structured,
      'backends',
    );
    return {
      reachable: backends.filter((b) => b.reachable).map((b) => b.backend),
      prefectVersion: backends.find((b) => b.backend === 'prefect')?.version,
      off: itemsOf<string>(structured, 'notEnabled').map((line) => line.split(':')[0]!),
    };
  },
  codePlan: (agent, _visible) =>
    runSnippet(
      agent,
      `const o = await mlops.overview({});
return {
  reachable: o.backends.filter((b) => b.reachable).map((b) => b.backend),
  prefectVersion: o.backends.find((b) => b.backend === 'prefect')?.version,
  off: (o.notEnabled ?? []).map((line) => line.split(':')[0]),
};`,
    ),
  check(answer, truth) {
    return JSON.stringify(answer) === JSON.stringify(truth)
      ? []
      : [`answer ${JSON.stringify(answer)}, expected ${JSON.stringify(truth)}`];
  },
});

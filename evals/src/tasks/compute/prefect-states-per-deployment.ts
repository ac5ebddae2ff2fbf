import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createDeployment,
  createFlow,
  createFlowRun,
  filterRuns,
} from '../prefect/prefect-rest.js';
import { ALL_PAGES, everyItem } from './helpers.js';

const DEPLOYMENTS = ['hourly', 'daily', 'backfill'];
const STATES = ['COMPLETED', 'FAILED', 'COMPLETED', 'CRASHED', 'COMPLETED', 'CANCELLED', 'FAILED'];

type Counts = Record<string, Record<string, number>>;

/** Flow runs per state per deployment over 42 runs. */
export const prefectStatesPerDeployment = defineTask({
  id: 'prefect-compute-runs-per-state-per-deployment',
  question: (v: { flow: string; deployments: string[] }) =>
    `For Prefect flow "${v.flow}", how many flow runs are in each state type for each of its deployments (${v.deployments.join(', ')})?`,
  tags: ['computation'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-ingest`;
    const flowId = await createFlow(ctx, flow);
    const ids: Record<string, string> = {};
    for (const name of DEPLOYMENTS) ids[name] = await createDeployment(ctx, flowId, name);
    for (let i = 0; i < 42; i++) {
      await createFlowRun(ctx, {
        flowId,
        name: `${flow}-run-${i}`,
        deploymentId: ids[DEPLOYMENTS[(i * 5) % 3]!]!,
        state: STATES[(i * 4) % STATES.length]!,
      });
    }
    return { visible: { flow, deployments: DEPLOYMENTS }, hidden: { deploymentIds: ids } };
  },
  async truth(ctx, { hidden }) {
    const counts: Counts = {};
    for (const [name, id] of Object.entries(hidden.deploymentIds)) {
      const runs = await filterRuns(ctx, { deployments: { id: { any_: [id] } } });
      counts[name] = {};
      for (const run of runs) {
        const state = run.state_type ?? run.state?.type ?? 'UNKNOWN';
        counts[name][state] = (counts[name][state] ?? 0) + 1;
      }
    }
    return counts;
  },
  async plan(agent, { flow, deployments }) {
    const counts: Counts = {};
    for (const name of deployments) {
      const runs = await everyItem<{ rawStatus: string }>(agent, 'prefect_list_flow_runs', {
        deployments: [`${flow}/${name}`],
        limit: 200,
      });
      counts[name] = {};
      for (const run of runs) counts[name][run.rawStatus] = (counts[name][run.rawStatus] ?? 0) + 1;
    }
    return counts;
  },
  codePlan: (agent, { flow, deployments }) =>
    runSnippet<Counts>(
      agent,
      `${ALL_PAGES}
const counts: Record<string, Record<string, number>> = {};
for (const name of ${JSON.stringify(deployments)}) {
  const runs = await all(prefect.listFlowRuns, { deployments: [${JSON.stringify(flow)} + '/' + name], limit: 200 });
  counts[name] = {};
  for (const run of runs) counts[name][run.rawStatus] = (counts[name][run.rawStatus] ?? 0) + 1;
}
return counts;`,
    ),
  check(answer, truth) {
    const sort = (counts: Counts) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(counts)
            .sort()
            .map(([k, v]) => [k, Object.fromEntries(Object.entries(v).sort())]),
        ),
      );
    return sort(answer) === sort(truth) ? [] : [`counts ${sort(answer)}, expected ${sort(truth)}`];
  },
});

import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createDeployment,
  createFlow,
  createFlowRun,
  createWorkPool,
  filterRuns,
  heartbeat,
  hoursAgo,
  readDeployment,
  readWorkers,
} from './prefect-rest.js';

interface LateDiagnosis {
  lateRunCount: number;
  causes: { kind: string; runs: { name: string }[] }[];
  notScheduling?: { deployment: string; reason: string }[];
}

const lateRunsOf = async (
  ctx: Parameters<typeof filterRuns>[0],
  filter: Record<string, unknown>,
): Promise<string[]> =>
  (
    await filterRuns(ctx, {
      ...filter,
      flow_runs: {
        ...(filter.flow_runs as object),
        state: { type: { any_: ['SCHEDULED'] } },
        expected_start_time: { before_: new Date(Date.now() - 15_000).toISOString() },
      },
    })
  )
    .map((r) => r.name)
    .sort();

/** "Why are runs of deployment X late?": its pool has never had a worker. */
export const lateNoWorker = defineTask({
  id: 'prefect-late-runs-no-worker',
  question: (v: { deployment: string }) =>
    `Runs of the Prefect deployment "${v.deployment}" are late. Which ones, and why?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const pool = `${ctx.prefix}-k8s`;
    await createWorkPool(ctx, pool);
    const flow = `${ctx.prefix}-ingest`;
    const flowId = await createFlow(ctx, flow);
    const deploymentId = await createDeployment(ctx, flowId, 'hourly', { work_pool_name: pool });
    for (const h of [3, 2, 1]) {
      await createFlowRun(ctx, {
        flowId,
        deploymentId,
        name: `${ctx.prefix}-ingest-${h}h`,
        scheduledAt: hoursAgo(h),
        scheduledName: 'Late',
      });
    }
    return { visible: { deployment: `${flow}/hourly` }, hidden: { deploymentId, pool } };
  },
  async truth(ctx, { hidden }) {
    const [late, workers] = await Promise.all([
      lateRunsOf(ctx, { flow_runs: { deployment_id: { any_: [hidden.deploymentId] } } }),
      readWorkers(ctx, hidden.pool),
    ]);
    return {
      late,
      cause: workers.some((w) => w.status === 'ONLINE') ? 'other' : 'pool_no_online_worker',
    };
  },
  async plan(agent, { deployment }) {
    const { structured } = await agent.call('prefect_diagnose_late_runs', { deployment });
    const d = structured as unknown as LateDiagnosis;
    return {
      late: (d.causes[0]?.runs ?? []).map((r) => r.name).sort(),
      cause: d.causes[0]?.kind,
    };
  },
  codePlan: (agent, { deployment }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseLateRuns({ deployment: ${JSON.stringify(deployment)} });
return { late: (d.causes[0]?.runs ?? []).map((r) => r.name).sort(), cause: d.causes[0]?.kind };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.cause !== truth.cause)
      problems.push(`cause ${answer.cause}, expected ${truth.cause}`);
    if (answer.late.join() !== truth.late.join())
      problems.push(`late runs ${answer.late.join(', ')}, expected ${truth.late.join(', ')}`);
    return problems;
  },
});

/** "Nothing has run": the deployment's only schedule is inactive, so no run is ever late. */
export const inactiveSchedule = defineTask({
  id: 'prefect-inactive-schedule',
  question: (v: { deployment: string }) =>
    `The Prefect deployment "${v.deployment}" should run every hour, but nothing has run today. Are its runs late? Why is it not running?`,
  tags: ['common', 'misleading-default'],
  backends: ['prefect'],
  async seed(ctx) {
    const flow = `${ctx.prefix}-reports`;
    const flowId = await createFlow(ctx, flow);
    const deploymentId = await createDeployment(ctx, flowId, 'hourly', {
      schedules: [{ schedule: { interval: 3600 }, active: false }],
    });
    return { visible: { deployment: `${flow}/hourly` }, hidden: { deploymentId } };
  },
  async truth(ctx, { hidden }) {
    const [deployment, late] = await Promise.all([
      readDeployment(ctx, hidden.deploymentId),
      lateRunsOf(ctx, { flow_runs: { deployment_id: { any_: [hidden.deploymentId] } } }),
    ]);
    const inactive =
      !deployment.paused &&
      deployment.schedules.length > 0 &&
      deployment.schedules.every((s) => !s.active);
    return { late: late.length, reason: inactive ? 'schedules_inactive' : 'other' };
  },
  async plan(agent, { deployment }) {
    const { structured } = await agent.call('prefect_diagnose_late_runs', { deployment });
    const d = structured as unknown as LateDiagnosis;
    return { late: d.lateRunCount, reason: d.notScheduling?.[0]?.reason };
  },
  codePlan: (agent, { deployment }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseLateRuns({ deployment: ${JSON.stringify(deployment)} });
return { late: d.lateRunCount, reason: d.notScheduling?.[0]?.reason };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.late !== truth.late)
      problems.push(`${answer.late} late runs, expected ${truth.late}`);
    if (answer.reason !== truth.reason)
      problems.push(`reason ${answer.reason}, expected ${truth.reason}`);
    return problems;
  },
});

/** "Why hasn't run X started?": its deployment is paused (the pool has a live worker). */
export const latePausedDeployment = defineTask({
  id: 'prefect-late-paused-deployment',
  question: (v: { deployment: string }) =>
    `Runs of the Prefect deployment "${v.deployment}" are not starting although the worker is up. Why?`,
  tags: ['common'],
  backends: ['prefect'],
  async seed(ctx) {
    const pool = `${ctx.prefix}-pool`;
    await createWorkPool(ctx, pool);
    await heartbeat(ctx, pool, `${ctx.prefix}-worker`);
    const flow = `${ctx.prefix}-billing`;
    const flowId = await createFlow(ctx, flow);
    const deploymentId = await createDeployment(ctx, flowId, 'daily', {
      work_pool_name: pool,
      paused: true,
    });
    await createFlowRun(ctx, {
      flowId,
      deploymentId,
      name: `${ctx.prefix}-billing-late`,
      scheduledAt: hoursAgo(1),
      scheduledName: 'Late',
    });
    return { visible: { deployment: `${flow}/daily` }, hidden: { deploymentId, pool } };
  },
  async truth(ctx, { hidden }) {
    const [deployment, workers] = await Promise.all([
      readDeployment(ctx, hidden.deploymentId),
      readWorkers(ctx, hidden.pool),
    ]);
    return {
      cause: !workers.some((w) => w.status === 'ONLINE')
        ? 'pool_no_online_worker'
        : deployment.paused
          ? 'deployment_paused'
          : 'other',
    };
  },
  async plan(agent, { deployment }) {
    const { structured } = await agent.call('prefect_diagnose_late_runs', { deployment });
    const d = structured as unknown as LateDiagnosis;
    return { cause: d.causes[0]?.kind };
  },
  codePlan: (agent, { deployment }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseLateRuns({ deployment: ${JSON.stringify(deployment)} });
return { cause: d.causes[0]?.kind };`,
    ),
  check(answer, truth) {
    return answer.cause === truth.cause ? [] : [`cause ${answer.cause}, expected ${truth.cause}`];
  },
});

/** "Is anything late in pool X?": nothing is, and the answer must say so without inventing causes. */
export const nothingLate = defineTask({
  id: 'prefect-nothing-late',
  question: (v: { pool: string }) => `Is anything late in the Prefect work pool "${v.pool}"?`,
  tags: ['nothing-wrong'],
  backends: ['prefect'],
  async seed(ctx) {
    const pool = `${ctx.prefix}-healthy`;
    await createWorkPool(ctx, pool);
    await heartbeat(ctx, pool, `${ctx.prefix}-worker`);
    const flowId = await createFlow(ctx, `${ctx.prefix}-weekly`);
    const deploymentId = await createDeployment(ctx, flowId, 'weekly', { work_pool_name: pool });
    await createFlowRun(ctx, {
      flowId,
      deploymentId,
      name: `${ctx.prefix}-done`,
      state: 'COMPLETED',
    });
    await createFlowRun(ctx, {
      flowId,
      deploymentId,
      name: `${ctx.prefix}-next`,
      scheduledAt: new Date(Date.now() + 86_400_000),
    });
    return { visible: { pool }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const late = await lateRunsOf(ctx, { work_pools: { name: { any_: [visible.pool] } } });
    return { late: late.length, problems: 0 };
  },
  async plan(agent, { pool }) {
    const { structured } = await agent.call('prefect_diagnose_late_runs', { workPool: pool });
    const d = structured as unknown as LateDiagnosis;
    return { late: d.lateRunCount, problems: d.causes.length + (d.notScheduling?.length ?? 0) };
  },
  codePlan: (agent, { pool }) =>
    runSnippet(
      agent,
      `const d = await prefect.diagnoseLateRuns({ workPool: ${JSON.stringify(pool)} });
return { late: d.lateRunCount, problems: d.causes.length + (d.notScheduling?.length ?? 0) };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    if (answer.late !== truth.late)
      problems.push(`${answer.late} late runs, expected ${truth.late}`);
    if (answer.problems !== truth.problems)
      problems.push(`${answer.problems} problems reported, expected none`);
    return problems;
  },
});

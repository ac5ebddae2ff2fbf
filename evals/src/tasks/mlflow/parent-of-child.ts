import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, getRun, tagOf } from './mlflow-rest.js';
import { byName, crossRuns } from './plan-helpers.js';

/** Lineage inside MLflow: the parent run a nested run belongs to (mlflow.parentRunId). */
export const parentOfChild = defineTask({
  id: 'mlflow-parent-of-child',
  question: (v: { experiment: string; run: string }) =>
    `Run "${v.run}" in MLflow experiment "${v.experiment}" was launched by a parent run. Which one?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-pipeline`;
    const id = await createExperiment(ctx, experiment);
    const parents: string[] = [];
    for (const name of ['pipeline-2026-12-01', 'pipeline-2026-12-02']) {
      parents.push(await createRun(ctx, id, { name }));
    }
    await createRun(ctx, id, { name: 'featurize', parentRunId: parents[0] });
    const child = await createRun(ctx, id, {
      name: 'train-gbm',
      parentRunId: parents[1],
      metrics: { rmse: 3.2 },
    });
    return { visible: { experiment, run: 'train-gbm' }, hidden: { child } };
  },
  async truth(ctx, { hidden }) {
    const run = await getRun(ctx, hidden.child);
    return { parent: tagOf(run, 'mlflow.parentRunId') };
  },
  async plan(agent, { experiment, run }) {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const child = byName(items, run);
    const got = await agent.call('mlflow_get_run', { runId: child.id });
    if (got.isError) throw new Error(got.text);
    const parentOf = (structured: Record<string, unknown>) =>
      (structured.parentRunId as string | undefined) ??
      (structured.tags as Record<string, string> | undefined)?.['mlflow.parentRunId'];
    let parent = parentOf(got.structured);
    if (!parent) {
      // The parent link is an mlflow.* system tag, hidden by default.
      const again = await agent.call('mlflow_get_run', {
        runId: child.id,
        includeSystemTags: true,
      });
      parent = parentOf(again.structured);
    }
    return { parent };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const child = items.find((item) => item.name === ${JSON.stringify(run)});
const got = await mlflow.getRun({ runId: child.id, includeSystemTags: true });
return { parent: got.parentRunId ?? got.tags?.['mlflow.parentRunId'] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'parent run', answer.parent, truth.parent);
    return problems;
  },
});

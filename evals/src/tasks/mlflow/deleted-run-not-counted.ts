import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  deleteRun,
  expectEqual,
  metricOf,
  searchRuns,
} from './mlflow-rest.js';
import { crossRuns } from './plan-helpers.js';

/** A deleted run (with the best f1, logged by mistake on the test set) must not count or win. */
export const deletedRunNotCounted = defineTask({
  id: 'mlflow-deleted-run-not-counted',
  question: (v: { experiment: string }) =>
    `How many runs are in MLflow experiment "${v.experiment}", and which one has the best f1?`,
  tags: ['common', 'misleading-default'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-ner-tagger`;
    const id = await createExperiment(ctx, experiment);
    for (const [name, f1] of [
      ['crf', 0.81],
      ['bilstm-crf', 0.86],
      ['bert-ner', 0.901],
      ['spacy-lg', 0.84],
    ] as const) {
      await createRun(ctx, id, { name, metrics: { f1 } });
    }
    const leaked = await createRun(ctx, id, { name: 'bert-ner-leaky', metrics: { f1: 0.99 } });
    await deleteRun(ctx, leaked);
    return { visible: { experiment }, hidden: { experimentId: id } };
  },
  async truth(ctx, { hidden }) {
    const runs = await searchRuns(ctx, [hidden.experimentId], { orderBy: ['metrics.f1 DESC'] });
    return { runs: runs.length, best: runs[0]!.info.run_id, f1: metricOf(runs[0]!, 'f1') };
  },
  async plan(agent, { experiment }) {
    const { items } = await crossRuns(agent, {
      experiment,
      orderBy: { metric: 'f1', direction: 'desc' },
      limit: 200,
    });
    return { runs: items.length, best: items[0]?.id, f1: items[0]?.metrics?.f1 };
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, orderBy: { metric: 'f1', direction: 'desc' }, limit: 200 });
return { runs: items.length, best: items[0]?.id, f1: items[0]?.metrics?.f1 };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'runs', answer.runs, truth.runs);
    expectEqual(problems, 'best run', answer.best, truth.best);
    expectEqual(problems, 'f1', answer.f1, truth.f1);
    return problems;
  },
});

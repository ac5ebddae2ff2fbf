import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { createExperiment, createRun, expectEqual, metricHistory } from './mlflow-rest.js';
import { byName, crossRuns } from './plan-helpers.js';

interface HistoryAnswer {
  last: number | undefined;
  min: number | undefined;
  minStep: number | undefined;
  points: number | undefined;
}

/** A loss curve that bottoms out and climbs again (overfitting): last, minimum, its step, length. */
export const metricHistoryTask = defineTask({
  id: 'mlflow-metric-history',
  question: (v: { experiment: string; run: string }) =>
    `For run "${v.run}" in MLflow experiment "${v.experiment}": what was the last val_loss, the lowest val_loss and at which step, and how many val_loss points were logged?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-resnet-finetune`;
    const id = await createExperiment(ctx, experiment);
    // 40 epochs: falls to a minimum at step 23, then overfits.
    const valLoss = Array.from({ length: 40 }, (_, step) =>
      Number((0.35 + 0.0009 * (step - 23) ** 2 + (step === 23 ? -0.004 : 0)).toFixed(4)),
    );
    const runId = await createRun(ctx, id, {
      name: 'resnet50-ft',
      metrics: { val_loss: valLoss, train_loss: valLoss.map((v, i) => v - 0.002 * i) },
    });
    await createRun(ctx, id, { name: 'resnet18-ft', metrics: { val_loss: [0.9, 0.7, 0.6] } });
    return { visible: { experiment, run: 'resnet50-ft' }, hidden: { runId } };
  },
  async truth(ctx, { hidden }): Promise<HistoryAnswer> {
    const points = await metricHistory(ctx, hidden.runId, 'val_loss');
    points.sort((a, b) => a.step - b.step);
    const min = points.reduce((best, p) => (p.value < best.value ? p : best));
    return {
      last: points.at(-1)?.value,
      min: min.value,
      minStep: min.step,
      points: points.length,
    };
  },
  async plan(agent, { experiment, run }): Promise<HistoryAnswer> {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const { structured, isError, text } = await agent.call('mlflow_get_metric_history', {
      runId: byName(items, run).id,
      key: 'val_loss',
    });
    if (isError) throw new Error(text);
    const steps = structured.steps as number[];
    const values = structured.values as number[];
    const stats = structured.stats as Record<string, number>;
    const minIndex = values.indexOf(Math.min(...values));
    return {
      last: stats.last,
      min: stats.min,
      minStep: steps[minIndex],
      points: structured.totalPoints as number,
    };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const target = items.find((item) => item.name === ${JSON.stringify(run)});
const h = await mlflow.getMetricHistory({ runId: target.id, key: 'val_loss', maxPoints: 2000 });
const min = Math.min(...h.values);
return { last: h.stats.last, min: h.stats.min, minStep: h.steps[h.values.indexOf(min)], points: h.totalPoints };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'last val_loss', answer.last, truth.last);
    expectEqual(problems, 'lowest val_loss', answer.min, truth.min);
    expectEqual(problems, 'step of the lowest', answer.minStep, truth.minStep);
    expectEqual(problems, 'points logged', answer.points, truth.points);
    return problems;
  },
});

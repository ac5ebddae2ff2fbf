/**
 * A custom agent that skips MCP and talks to MLflow through the adapter directly: it finds the
 * best run of an experiment by one metric and prints a short report (best run, its value,
 * margin over the runner-up, its params, and the metric's history).
 *
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 npx tsx custom-agent-adapter.ts \
 *     --experiment llama-finetune --metric val/accuracy --goal max
 *
 * Credentials come from the usual MLflow variables (MLFLOW_TRACKING_TOKEN, or
 * MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD). Exit code 1 with a message on stderr
 * when the experiment or metric is not found.
 */
import { parseArgs } from 'node:util';
import type { Run } from '@mlops-mcp/core';
import { createMlflowAdapter, mlflowSettingsFromEnv } from '@mlops-mcp/mlflow';

const { values: args } = parseArgs({
  options: {
    experiment: { type: 'string', default: 'llama-finetune' },
    metric: { type: 'string', default: 'val/accuracy' },
    goal: { type: 'string', default: 'max' },
  },
});
const experimentName = args.experiment;
const metric = args.metric;
if (args.goal !== 'max' && args.goal !== 'min') fail(`--goal must be max or min, not ${args.goal}`);
const higherIsBetter = args.goal === 'max';

const settings = mlflowSettingsFromEnv(process.env);
if (!settings)
  fail('Set MLFLOW_TRACKING_URI to your MLflow tracking server, e.g. http://127.0.0.1:5000');
const mlflow = createMlflowAdapter(settings);

try {
  const experiments = await mlflow.searchExperiments({
    filter: `name = '${experimentName.replaceAll("'", "\\'")}'`,
    limit: 1,
  });
  const experiment = experiments.items[0];
  if (!experiment) fail(`No experiment named "${experimentName}".`);

  // MLflow sorts on the server; backticks quote metric keys with "/" or "." in them.
  const runs = await mlflow.searchRuns({
    experimentIds: [experiment.id],
    orderBy: [`metrics.\`${metric}\` ${higherIsBetter ? 'DESC' : 'ASC'}`],
    limit: 100,
  });
  const scored = runs.items
    .map((run) => ({ run, value: run.metrics?.[metric] }))
    .filter((entry): entry is { run: Run; value: number } => typeof entry.value === 'number');
  const [best, runnerUp] = scored;
  if (!best) fail(`No run in "${experimentName}" has a numeric ${metric}.`);

  const lines = [
    `Best run in "${experiment.name}" by ${metric} (${higherIsBetter ? 'higher' : 'lower'} is better), ${scored.length} of ${runs.items.length} runs have it:`,
    `  best run: ${best.run.name ?? best.run.id} (${best.run.id}, ${best.run.status}) ${metric} = ${best.value}`,
  ];
  if (runnerUp) {
    const margin = Math.abs(best.value - runnerUp.value);
    lines.push(
      `  runner-up: ${runnerUp.run.name ?? runnerUp.run.id} ${metric} = ${runnerUp.value} (margin ${round(margin)})`,
    );
  }
  const params = Object.entries(best.run.params ?? {})
    .slice(0, 6)
    .map(([key, value]) => `${key}=${value}`);
  if (params.length > 0) lines.push(`  params: ${params.join(', ')}`);

  if (mlflow.capabilities.tracking.getMetricHistory) {
    const history = await mlflow.capabilities.tracking.getMetricHistory({
      runId: best.run.id,
      key: metric,
      maxPoints: 200,
    });
    const steps = history.steps;
    const stats = history.stats;
    if (stats && steps.length > 0) {
      lines.push(
        `  history: ${history.totalPoints} points, step ${steps[0]} → ${steps.at(-1)}, first ${round(stats.first)} → last ${round(stats.last)}, min ${round(stats.min)}, max ${round(stats.max)}`,
      );
    }
  }
  console.log(lines.join('\n'));
} finally {
  await mlflow.close();
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}

function fail(message: string): never {
  console.error(`custom-agent-adapter: ${message}`);
  process.exit(1);
}

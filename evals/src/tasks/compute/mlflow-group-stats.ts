import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  type MlflowRunRow,
  metricOf,
  paramOf,
  type RunSpec,
  searchRuns,
} from '../mlflow/mlflow-rest.js';
import { experimentId } from '../mlflow/plan-helpers.js';
import {
  ALL_PAGES,
  compareNumberMaps,
  EXPERIMENT_ID,
  everyItem,
  groupBy,
  nearestRank,
  perGroup,
} from './helpers.js';

/**
 * Three per-group statistics over 40+ MLflow runs, built alike: seed the runs, compute the
 * statistic per param value from MLflow's REST answer (truth), from every page of
 * mlflow_search_runs (tool profile), and in one snippet (code mode).
 */
interface GroupStat {
  id: string;
  experiment: string;
  question: (experiment: string) => string;
  runs: (i: number) => RunSpec;
  param: string;
  /** The fields the plans ask for. */
  fields: string[];
  /** The statistic over one group, from MLflow's REST rows. */
  truthStat: (runs: MlflowRunRow[]) => number;
  /** The same statistic over the tool's items. */
  planStat: (runs: PlanRow[]) => number;
  /** The same statistic in the snippet: a JS function expression over `runs` (the items). */
  snippetStat: string;
}

type PlanRow = {
  status?: string;
  params?: Record<string, string>;
  metrics?: Record<string, number>;
};

function groupStatTask(spec: GroupStat) {
  return defineTask({
    id: spec.id,
    question: (v: { experiment: string }) => spec.question(v.experiment),
    tags: ['computation'],
    backends: ['mlflow'],
    async seed(ctx) {
      const experiment = `${ctx.prefix}-${spec.experiment}`;
      const id = await createExperiment(ctx, experiment);
      for (let i = 0; i < 42; i++) await createRun(ctx, id, spec.runs(i));
      return { visible: { experiment }, hidden: { experimentId: id } };
    },
    async truth(ctx, { hidden }) {
      const runs = await searchRuns(ctx, [hidden.experimentId]);
      return perGroup(
        groupBy(runs, (run) => paramOf(run, spec.param)),
        spec.truthStat,
      );
    },
    async plan(agent, { experiment }) {
      const id = await experimentId(agent, experiment);
      const runs = await everyItem<PlanRow>(agent, 'mlflow_search_runs', {
        experimentIds: [id],
        fields: spec.fields,
        limit: 1000,
      });
      return perGroup(
        groupBy(runs, (run) => run.params?.[spec.param]),
        spec.planStat,
      );
    },
    codePlan: (agent, { experiment }) =>
      runSnippet<Record<string, number>>(
        agent,
        `${ALL_PAGES}${EXPERIMENT_ID}
const id = await experimentId(${JSON.stringify(experiment)});
const runs = await all(mlflow.searchRuns, { experimentIds: [id], fields: ${JSON.stringify(spec.fields)}, limit: 1000 });
const groups: Record<string, any[]> = {};
for (const run of runs) (groups[run.params[${JSON.stringify(spec.param)}]] ??= []).push(run);
const stat = ${spec.snippetStat};
return Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, stat(g)]));`,
      ),
    check: (answer, truth) => compareNumberMaps(spec.id, answer, truth),
  });
}

const DATASETS = ['imagenet-1k', 'cifar-100', 'places365'];
const STATUSES = [
  'FINISHED',
  'FAILED',
  'FINISHED',
  'FINISHED',
  'KILLED',
  'FAILED',
  'FINISHED',
] as const;

export const mlflowFailureRatePerDataset = groupStatTask({
  id: 'mlflow-compute-failure-rate-per-dataset',
  experiment: 'dataset-reliability',
  question: (experiment) =>
    `In MLflow experiment "${experiment}", what fraction of the runs on each dataset (param dataset) failed (status FAILED)?`,
  runs: (i) => ({
    name: `train-${i}`,
    params: { dataset: DATASETS[(i * 5) % 3]! },
    status: STATUSES[(i * 3) % STATUSES.length]!,
    metrics: { loss: 1 / (i + 1) },
  }),
  param: 'dataset',
  fields: ['status', 'params.dataset'],
  truthStat: (runs) => runs.filter((run) => run.info.status === 'FAILED').length / runs.length,
  planStat: (runs) => runs.filter((run) => run.status === 'failed').length / runs.length,
  snippetStat: "(g) => g.filter((run) => run.status === 'failed').length / g.length",
});

const MODELS = ['resnet50', 'vit-b16', 'convnext-t', 'efficientnet-b3', 'mobilenet-v3'];

export const mlflowCountAboveThreshold = groupStatTask({
  id: 'mlflow-compute-runs-above-f1-per-model',
  experiment: 'model-bakeoff',
  question: (experiment) =>
    `In MLflow experiment "${experiment}", how many runs of each model (param model) reached f1 of at least 0.85?`,
  runs: (i) => ({
    name: `bakeoff-${i}`,
    params: { model: MODELS[(i * 3) % 5]! },
    metrics: { f1: 0.7 + ((i * 53) % 41) / 200 },
  }),
  param: 'model',
  fields: ['params.model', 'metrics.f1'],
  truthStat: (runs) => runs.filter((run) => metricOf(run, 'f1')! >= 0.85).length,
  planStat: (runs) => runs.filter((run) => run.metrics!.f1! >= 0.85).length,
  snippetStat: '(g) => g.filter((run) => run.metrics.f1 >= 0.85).length',
});

const SERVING = ['llama-3-8b', 'mistral-7b', 'qwen-2-7b'];

export const mlflowP90LatencyPerModel = groupStatTask({
  id: 'mlflow-compute-p90-latency-per-model',
  experiment: 'serving-latency',
  question: (experiment) =>
    `In MLflow experiment "${experiment}", what is the 90th percentile (nearest rank) of latency_ms across the runs of each model (param model)?`,
  runs: (i) => ({
    name: `load-test-${i}`,
    params: { model: SERVING[(i * 2) % 3]! },
    metrics: { latency_ms: 80 + ((i * 97) % 113) * 1.5 },
  }),
  param: 'model',
  fields: ['params.model', 'metrics.latency_ms'],
  truthStat: (runs) =>
    nearestRank(
      runs.map((run) => metricOf(run, 'latency_ms')!),
      90,
    ),
  planStat: (runs) =>
    nearestRank(
      runs.map((run) => run.metrics!.latency_ms!),
      90,
    ),
  snippetStat:
    '(g) => { const xs = g.map((run) => run.metrics.latency_ms).sort((a, b) => a - b); return xs[Math.max(0, Math.ceil(0.9 * xs.length) - 1)]; }',
});

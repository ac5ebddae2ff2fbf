import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  downloadArtifact,
  expectEqual,
  listArtifactFiles,
  sorted,
  uploadArtifact,
} from './mlflow-rest.js';
import { byName, crossRuns } from './plan-helpers.js';

const REPORT = {
  dataset: 'holdout-2026-11',
  overall: { precision: 0.884, recall: 0.851, f1: 0.867 },
  per_class: { spam: { f1: 0.91 }, ham: { f1: 0.82 } },
};

/** Every file a run logged (nested directories included), and one number from its JSON report. */
export const artifactJsonReport = defineTask({
  id: 'mlflow-artifact-json-report',
  question: (v: { experiment: string; run: string }) =>
    `Which files did run "${v.run}" in MLflow experiment "${v.experiment}" log, and what overall f1 does its evaluation report give?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-spam-filter`;
    const id = await createExperiment(ctx, experiment);
    const runId = await createRun(ctx, id, { name: 'eval-final', metrics: { f1: 0.85 } });
    await uploadArtifact(ctx, runId, 'evaluation/report.json', JSON.stringify(REPORT, null, 2));
    await uploadArtifact(
      ctx,
      runId,
      'evaluation/confusion.csv',
      'label,spam,ham\nspam,91,9\nham,18,82\n',
    );
    await uploadArtifact(ctx, runId, 'model/MLmodel', 'flavors:\n  sklearn: {}\n');
    await uploadArtifact(ctx, runId, 'model/requirements.txt', 'scikit-learn==1.5.2\n');
    return { visible: { experiment, run: 'eval-final' }, hidden: { runId } };
  },
  async truth(ctx, { hidden }) {
    const files = await listArtifactFiles(ctx, hidden.runId);
    const report = JSON.parse(await downloadArtifact(ctx, hidden.runId, 'evaluation/report.json'));
    return { files: sorted(files.map((f) => f.path)), f1: report.overall.f1 as number };
  },
  async plan(agent, { experiment, run }) {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const runId = byName(items, run).id;
    const listed = await agent.call('mlflow_list_artifacts', { runId, recursive: true });
    if (listed.isError) throw new Error(listed.text);
    const entries = listed.structured.items as { path: string; isDir: boolean }[];
    const files = entries.filter((entry) => !entry.isDir).map((entry) => entry.path);
    const report = files.find((path) => /report\.json$/.test(path));
    if (!report) throw new Error(`no report among ${files.join(', ')}`);
    const read = await agent.call('mlflow_read_artifact', { runId, path: report });
    if (read.isError) throw new Error(read.text);
    const parsed = read.structured.parsed as typeof REPORT;
    return { files: sorted(files), f1: parsed.overall.f1 };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const runId = items.find((item) => item.name === ${JSON.stringify(run)}).id;
const listed = await mlflow.listArtifacts({ runId, recursive: true });
const files = listed.items.filter((entry) => !entry.isDir).map((entry) => entry.path);
const report = files.find((path) => /report\\.json$/.test(path));
const read = await mlflow.readArtifact({ runId, path: report });
return { files: files.sort(), f1: read.parsed.overall.f1 };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'files', answer.files, truth.files);
    expectEqual(problems, 'overall f1', answer.f1, truth.f1);
    return problems;
  },
});

import { parse } from 'yaml';
import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createRun,
  downloadArtifact,
  expectEqual,
  uploadArtifact,
} from './mlflow-rest.js';
import { byName, crossRuns } from './plan-helpers.js';

const CONFIG = `# training configuration
model:
  name: llama-3-8b
  lora_rank: 16
optimizer:
  name: adamw
  lr: 0.0002
  weight_decay: 0.01
data:
  batch_size: 48
  max_seq_len: 2048
`;

/** A value from a YAML config the run logged as an artifact, in a subdirectory. */
export const artifactYamlConfig = defineTask({
  id: 'mlflow-artifact-yaml-config',
  question: (v: { experiment: string; run: string }) =>
    `Which learning rate and batch size did run "${v.run}" in MLflow experiment "${v.experiment}" use according to the training config file it logged?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-llm-sft`;
    const id = await createExperiment(ctx, experiment);
    // The params say otherwise: the config file is what the user asks about.
    const runId = await createRun(ctx, id, {
      name: 'sft-v2',
      params: { base_model: 'llama-3-8b' },
      metrics: { train_loss: [1.9, 1.4, 1.1] },
    });
    await uploadArtifact(ctx, runId, 'configs/train.yaml', CONFIG);
    await uploadArtifact(ctx, runId, 'eval/summary.json', JSON.stringify({ mmlu: 0.61 }));
    await uploadArtifact(ctx, runId, 'README.md', '# sft-v2\nSupervised fine-tune.\n');
    return { visible: { experiment, run: 'sft-v2' }, hidden: { runId } };
  },
  async truth(ctx, { hidden }) {
    const config = parse(await downloadArtifact(ctx, hidden.runId, 'configs/train.yaml'));
    return { lr: config.optimizer.lr as number, batchSize: config.data.batch_size as number };
  },
  async plan(agent, { experiment, run }) {
    const { items } = await crossRuns(agent, { experiment, limit: 50 });
    const runId = byName(items, run).id;
    const listed = await agent.call('mlflow_list_artifacts', { runId, recursive: true });
    if (listed.isError) throw new Error(listed.text);
    const files = (listed.structured.items as { path: string; isDir?: boolean }[]).filter((item) =>
      /\.ya?ml$/.test(item.path),
    );
    if (files.length !== 1) throw new Error(`expected one YAML file, listed ${listed.text}`);
    const read = await agent.call('mlflow_read_artifact', { runId, path: files[0]!.path });
    if (read.isError) throw new Error(read.text);
    const content = read.structured.parsed as {
      optimizer: { lr: number };
      data: { batch_size: number };
    };
    return { lr: content.optimizer.lr, batchSize: content.data.batch_size };
  },
  codePlan: (agent, { experiment, run }) =>
    runSnippet(
      agent,
      `const { items } = await mlops.searchRuns({ experiment: ${JSON.stringify(experiment)}, limit: 50 });
const runId = items.find((item) => item.name === ${JSON.stringify(run)}).id;
const listed = await mlflow.listArtifacts({ runId, recursive: true });
const [file] = listed.items.filter((item) => /\\.ya?ml$/.test(item.path));
const read = await mlflow.readArtifact({ runId, path: file.path });
return { lr: read.parsed.optimizer.lr, batchSize: read.parsed.data.batch_size };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'learning rate', answer.lr, truth.lr);
    expectEqual(problems, 'batch size', answer.batchSize, truth.batchSize);
    return problems;
  },
});

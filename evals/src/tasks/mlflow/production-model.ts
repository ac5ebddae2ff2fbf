import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import {
  createExperiment,
  createModelVersion,
  createRegisteredModel,
  createRun,
  expectEqual,
  getRun,
  metricOf,
  setAlias,
  versionByAlias,
} from './mlflow-rest.js';

/**
 * "What is in production?": the version behind the `production` alias (not the newest version),
 * the run that produced it and that run's AUC.
 */
export const productionModel = defineTask({
  id: 'mlflow-production-model',
  question: (v: { model: string }) =>
    `Which version of the registered model "${v.model}" is in production (alias "production"), which run produced it, and what was that run's val_auc?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const model = `${ctx.prefix}-fraud-detector`;
    const id = await createExperiment(ctx, `${ctx.prefix}-fraud-training`);
    await createRegisteredModel(ctx, model);
    const aucs = [0.912, 0.934, 0.941];
    const versions: string[] = [];
    for (const [i, auc] of aucs.entries()) {
      const runId = await createRun(ctx, id, {
        name: `fraud-v${i + 1}`,
        metrics: { val_auc: auc },
      });
      versions.push(await createModelVersion(ctx, model, runId));
    }
    // v3 is newest and best but still in staging; production is v2.
    await setAlias(ctx, model, 'production', versions[1]!);
    await setAlias(ctx, model, 'staging', versions[2]!);
    return { visible: { model }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const version = await versionByAlias(ctx, visible.model, 'production');
    const run = await getRun(ctx, version.run_id);
    return { version: version.version, runId: version.run_id, valAuc: metricOf(run, 'val_auc') };
  },
  async plan(agent, { model }) {
    const alias = await agent.call('mlflow_get_model_version_by_alias', {
      name: model,
      alias: 'production',
    });
    if (alias.isError) throw new Error(alias.text);
    const runId = (alias.structured.runId ??
      (alias.structured.run as { id?: string })?.id) as string;
    const run = await agent.call('mlflow_get_run', { runId });
    if (run.isError) throw new Error(run.text);
    return {
      version: String(alias.structured.version),
      runId,
      valAuc: (run.structured.metrics as Record<string, number>).val_auc,
    };
  },
  codePlan: (agent, { model }) =>
    runSnippet(
      agent,
      `const alias = await mlflow.getModelVersionByAlias({ name: ${JSON.stringify(model)}, alias: 'production' });
const runId = alias.runId ?? alias.run?.id;
const run = await mlflow.getRun({ runId });
return { version: String(alias.version), runId, valAuc: run.metrics.val_auc };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'version', answer.version, truth.version);
    expectEqual(problems, 'run', answer.runId, truth.runId);
    expectEqual(problems, 'val_auc', answer.valAuc, truth.valAuc);
    return problems;
  },
});

import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { itemsOf, projectRuns, seedProject } from './standin.js';

const same = { batch_size: 16, warmup_steps: 100, lora: { r: 16, alpha: 32 }, seed: 7 };

/** What differs in the config of two runs, via mlops_compare_runs. */
export const wandbConfigDifference = defineTask({
  id: 'wandb-config-difference',
  question: (v: { project: string; a: string; b: string }) =>
    `In my W&B project "${v.project}", what is different in the config of runs "${v.a}" and "${v.b}"?`,
  tags: ['common'],
  backends: ['wandb'],
  async seed(ctx) {
    const project = `${ctx.prefix}-lora`;
    await seedProject(ctx, project, [
      {
        name: 'lora0001',
        displayName: 'lora-adamw',
        state: 'finished',
        family: 'llm',
        steps: 400,
        config: { ...same, learning_rate: 1e-4, optimizer: 'adamw' },
      },
      {
        name: 'lora0002',
        displayName: 'lora-lion',
        state: 'finished',
        family: 'llm',
        steps: 400,
        config: { ...same, learning_rate: 3e-5, optimizer: 'lion', lora: { r: 16, alpha: 16 } },
      },
      {
        name: 'lora0003',
        displayName: 'lora-sgd',
        state: 'finished',
        family: 'llm',
        steps: 400,
        config: { ...same, learning_rate: 1e-2, optimizer: 'sgd' },
      },
    ]);
    return { visible: { project, a: 'lora-adamw', b: 'lora-lion' }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const runs = await projectRuns(ctx, visible.project);
    const flat = (value: unknown, prefix = ''): Record<string, string> =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.assign(
            {},
            ...Object.entries(value).map(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k)),
          )
        : { [prefix]: JSON.stringify(value) };
    const a = flat(runs.find((r) => r.displayName === visible.a)!.config);
    const b = flat(runs.find((r) => r.displayName === visible.b)!.config);
    return [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => a[key] !== b[key])
      .sort();
  },
  async plan(agent, { project, a, b }) {
    const found = await agent.call('wandb_search_runs', {
      project,
      filters: JSON.stringify({ display_name: { $in: [a, b] } }),
      fields: ['name'],
    });
    const items = itemsOf(found.structured) as { name?: string; ref: { uri: string } }[];
    const uris = [a, b].map((name) => items.find((item) => item.name === name)?.ref.uri);
    if (uris.some((uri) => !uri)) return [];
    const { structured } = await agent.call('mlops_compare_runs', { runs: uris });
    return ((structured.differingParams as { key: string }[]) ?? []).map((p) => p.key).sort();
  },
  codePlan: (agent, { project, a, b }) =>
    runSnippet(
      agent,
      `const found = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters: JSON.stringify({ display_name: { $in: [${JSON.stringify(a)}, ${JSON.stringify(b)}] } }), fields: ['name'] });
const uris = [${JSON.stringify(a)}, ${JSON.stringify(b)}].map((name) => found.items.find((item) => item.name === name)?.ref.uri);
if (uris.some((uri) => !uri)) return [];
const compared = await mlops.compareRuns({ runs: uris });
return (compared.differingParams ?? []).map((p) => p.key).sort();`,
    ),
  check(answer, truth) {
    return answer.join() === truth.join()
      ? []
      : [`differing config keys ${answer.join(', ')}, expected ${truth.join(', ')}`];
  },
});

import { createHash } from 'node:crypto';
import { historyRow } from './metric-curves.js';
import { SeededRandom } from './seeded-random.js';
import type {
  CurveKind,
  RunFamily,
  StandinArtifact,
  StandinCollection,
  StandinData,
  StandinEntity,
  StandinFile,
  StandinProject,
  StandinRun,
  StandinRunState,
  StandinSweep,
  StandinView,
} from './standin-model.js';

/** The team entity holding the generated projects; also the viewer's default entity. */
export const STANDIN_ENTITY = 'acme-ml';
/** The viewer's own (personal) entity; it has no projects. */
export const STANDIN_USER = 'ada';
/** The organization whose org entity holds the W&B Registry. */
export const STANDIN_ORGANIZATION = 'acme';
const ORG_ENTITY = 'acme-org';

/** Runs with fixed ids and known facts, for tests that assert on them. */
export const STANDIN_FIXED_RUNS = {
  /** finished, 5,000 history steps. */
  long: 'long5000',
  /** crashed; loss rises over the last 20 % of steps then turns NaN; GPU memory near 100 %. */
  diverged: 'nanloss1',
  /** running, but its last heartbeat is two hours old. */
  stalled: 'stalled1',
  /** finished, healthy; differs from healthy2 in learning_rate and optimizer only. */
  healthyA: 'healthy1',
  healthyB: 'healthy2',
  /** the dataset-prep run that created the sft-mix dataset versions. */
  prep: 'dataprep',
} as const;

const DAY = 86_400_000;
/** Fixed origin of generated timestamps (finished runs); running runs are relative to start. */
const EPOCH = Date.UTC(2025, 1, 1);

/** Generates the stand-in's data: same output on every call except running runs' heartbeats. */
export function generateStandinData(now: number): StandinData {
  const rng = new SeededRandom(20250301);
  const artifacts = new Map<string, StandinArtifact>();
  const llm = llmProject(rng, now);
  const vision = genericProject(rng, now, 'vision-baselines', 'vision', 120);
  const rl = genericProject(rng, now, 'rl-agents', 'rl', 40);
  addLlmArtifacts(llm, artifacts);
  const legacyRegistry = emptyProject('model-registry', STANDIN_ENTITY, 'Legacy model registry.');
  legacyRegistry.collections.push(
    portfolio(
      legacyRegistry,
      'legacy-llama',
      'model',
      llmModelVersions(llm, artifacts).slice(0, 2),
      {
        production: 0,
      },
    ),
  );
  const registry = emptyProject('wandb-registry-model', ORG_ENTITY, 'W&B Registry: models.');
  const modelVersions = llmModelVersions(llm, artifacts);
  registry.collections.push(
    portfolio(registry, 'llama-sft-prod', 'model', modelVersions.slice(-3), {
      staging: 2,
      production: 1,
    }),
  );
  const datasets = emptyProject('wandb-registry-dataset', ORG_ENTITY, 'W&B Registry: datasets.');
  const datasetVersions = llm.collections.find((c) => c.name === 'sft-mix')?.versions ?? [];
  datasets.collections.push(
    portfolio(datasets, 'sft-mix-golden', 'dataset', datasetVersions, { golden: 1 }),
  );
  const entities: StandinEntity[] = [
    {
      id: b64('Entity:acme-ml'),
      name: STANDIN_ENTITY,
      isTeam: true,
      projects: [llm, vision, rl, legacyRegistry],
    },
    { id: b64('Entity:ada'), name: STANDIN_USER, isTeam: false, projects: [] },
    { id: b64('Entity:acme-org'), name: ORG_ENTITY, isTeam: true, projects: [registry, datasets] },
  ];
  return {
    viewer: {
      id: b64('User:1'),
      username: STANDIN_USER,
      name: 'Ada Lovelace',
      email: 'ada@acme.example',
      entity: STANDIN_ENTITY,
      teams: [STANDIN_ENTITY],
    },
    entities,
    organizations: [{ name: STANDIN_ORGANIZATION, orgEntity: ORG_ENTITY }],
    artifacts,
  };
}

function emptyProject(name: string, entity: string, description: string | null): StandinProject {
  return {
    id: b64(`Project:v1:${name}:${entity}`),
    name,
    entity,
    description,
    createdAt: EPOCH - 30 * DAY,
    updatedAt: EPOCH + 60 * DAY,
    runs: [],
    sweeps: [],
    collections: [],
    views: [],
  };
}

/** A run a test or eval task adds through {@link addStandinProject}; unset fields are generated. */
export interface StandinRunSpec {
  name: string;
  displayName?: string;
  state?: StandinRunState;
  family?: RunFamily;
  curve?: CurveKind;
  steps?: number;
  config?: Record<string, unknown>;
  tags?: string[];
  group?: string | null;
  jobType?: string;
  gpuMemoryPeak?: number;
  heartbeatAgeMs?: number;
  notes?: string | null;
}

/**
 * Adds (or replaces) a project of `entity` holding the given runs, generated like the built-in
 * ones (histories, summaries and system metrics follow from family, curve and steps), and
 * returns it. Seeded by the project name, so the same spec gives the same data.
 */
export function addStandinProject(
  data: StandinData,
  spec: { entity?: string; project: string; description?: string | null; runs: StandinRunSpec[] },
  now: number = Date.now(),
): StandinProject {
  const entityName = spec.entity ?? STANDIN_ENTITY;
  let entity = data.entities.find((e) => e.name === entityName);
  if (!entity) {
    entity = { id: b64(`Entity:v1:${entityName}`), name: entityName, isTeam: true, projects: [] };
    data.entities.push(entity);
  }
  const project = emptyProject(spec.project, entityName, spec.description ?? null);
  project.createdAt = now - DAY;
  project.updatedAt = now;
  const rng = new SeededRandom(
    [...`${entityName}/${spec.project}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7),
  );
  spec.runs.forEach((runSpec, index) => {
    const { family = 'llm', config = {}, ...seed } = runSpec;
    const run = makeRun(rng, now, project, family, index, config, seed);
    if (run.state !== 'running') {
      // Recent rather than in 2025: a task's runs are "today's" runs.
      const runtimeMs = run.heartbeatAt - run.createdAt;
      run.createdAt = now - DAY / 2 + index * 60_000;
      run.heartbeatAt = run.createdAt + runtimeMs;
      run.summary = summaryOf(run);
    }
    project.runs.push(run);
  });
  entity.projects = entity.projects.filter((p) => p.name !== spec.project);
  entity.projects.push(project);
  return project;
}

interface RunSeed {
  name?: string;
  displayName?: string;
  state?: StandinRunState;
  curve?: CurveKind;
  steps?: number;
  config?: Record<string, unknown>;
  tags?: string[];
  group?: string | null;
  jobType?: string;
  sweep?: string | null;
  gpuMemoryPeak?: number;
  heartbeatAgeMs?: number;
  notes?: string | null;
}

const STATES: StandinRunState[] = [
  ...Array<StandinRunState>(14).fill('finished'),
  'failed',
  'failed',
  'crashed',
  'crashed',
  'killed',
  'running',
];

function makeRun(
  rng: SeededRandom,
  now: number,
  project: StandinProject,
  family: RunFamily,
  index: number,
  config: Record<string, unknown>,
  seed: RunSeed = {},
): StandinRun {
  const name = seed.name ?? rng.runId();
  const state = seed.state ?? rng.pick(STATES);
  const steps = seed.steps ?? rng.int(3, 20) * 100;
  const secondsPerStep = Math.round((0.4 + rng.next() * 2.4) * 100) / 100;
  const runtimeMs = steps * secondsPerStep * 1000;
  const running = state === 'running';
  const heartbeatAge = seed.heartbeatAgeMs ?? rng.int(5, 60) * 1000;
  const createdAt = running
    ? now - runtimeMs - heartbeatAge
    : EPOCH + index * 0.2 * DAY + rng.int(0, 3_600_000);
  const heartbeatAt = running ? now - heartbeatAge : createdAt + runtimeMs;
  const adjective = rng.pick([
    'bright',
    'silent',
    'cosmic',
    'eager',
    'lucid',
    'misty',
    'royal',
    'swift',
  ]);
  const noun = rng.pick(['river', 'sun', 'forest', 'wave', 'night', 'meadow', 'star', 'field']);
  const run: StandinRun = {
    storageId: b64(`Run:v1:${name}:${project.name}:${project.entity}`),
    name,
    displayName: seed.displayName ?? `${adjective}-${noun}-${index + 1}`,
    entity: project.entity,
    project: project.name,
    state,
    config: wrapConfig(config),
    summary: {},
    tags: seed.tags ?? pickTags(rng),
    group: seed.group !== undefined ? seed.group : rng.pick([null, 'sft-v1', 'sft-v2', 'dpo']),
    jobType: seed.jobType ?? (rng.next() < 0.85 ? 'train' : 'eval'),
    host: `gpu-node-${String(rng.int(1, 8)).padStart(2, '0')}`,
    username: rng.pick(['ada', 'grace', 'alan']),
    sweep: seed.sweep ?? null,
    notes: seed.notes ?? (rng.next() < 0.2 ? 'Baseline for the Q1 comparison.' : null),
    description: null,
    commit: createHash('sha1').update(name).digest('hex'),
    createdAt,
    heartbeatAt,
    steps,
    secondsPerStep,
    curve:
      seed.curve ?? (state === 'crashed' ? 'diverging' : rng.next() < 0.15 ? 'plateau' : 'healthy'),
    family,
    seed: rng.int(1, 2 ** 30),
    gpuMemoryPeak: seed.gpuMemoryPeak ?? rng.int(55, 88),
    files: [],
    outputArtifacts: [],
    inputArtifacts: [],
  };
  run.summary = summaryOf(run);
  run.files = filesOf(rng, run);
  return run;
}

/** The summary W&B keeps: each key's last logged value plus `_step`, `_runtime`, `_wandb`. */
function summaryOf(run: StandinRun): Record<string, unknown> {
  const last = historyRow(run, run.steps - 1);
  const summary: Record<string, unknown> = { ...last };
  summary._wandb = { runtime: Math.round(last._runtime ?? 0) };
  return summary;
}

function wrapConfig(config: Record<string, unknown>): StandinRun['config'] {
  const wrapped: StandinRun['config'] = {};
  for (const [key, value] of Object.entries(config)) wrapped[key] = { value, desc: null };
  wrapped._wandb = {
    value: {
      cli_version: '0.19.8',
      python_version: '3.11.9',
      is_jupyter_run: false,
      framework: 'torch',
      t: {
        '1': [1, 11, 49, 55],
        '2': [1, 11, 49, 55],
        '3': [13, 16, 23, 55],
        '4': '3.11.9',
        '5': '0.19.8',
      },
    },
    desc: null,
  };
  return wrapped;
}

function pickTags(rng: SeededRandom): string[] {
  const pool = ['baseline', 'lora', 'full-ft', 'ablation', 'needs-review', 'v2', 'bf16'];
  return pool.filter(() => rng.next() < 0.25);
}

function filesOf(rng: SeededRandom, run: StandinRun): StandinFile[] {
  const file = (name: string, sizeBytes: number, mimetype: string): StandinFile => ({
    name,
    sizeBytes,
    mimetype,
    md5: createHash('md5').update(`${run.name}/${name}`).digest('base64'),
    updatedAt: run.heartbeatAt,
  });
  const files = [
    file('config.yaml', rng.int(800, 2400), 'application/x-yaml'),
    file('output.log', rng.int(20_000, 900_000), 'text/plain'),
    file('requirements.txt', rng.int(300, 4000), 'text/plain'),
    file('wandb-metadata.json', rng.int(1200, 3000), 'application/json'),
    file('wandb-summary.json', rng.int(300, 900), 'application/json'),
  ];
  if (run.family !== 'rl') {
    for (let i = 0; i < 3; i++) {
      files.push(
        file(
          `media/images/samples_${i * 500}_${run.name.slice(0, 4)}.png`,
          rng.int(40_000, 400_000),
          'image/png',
        ),
      );
    }
  }
  return files;
}

function llmConfig(
  rng: SeededRandom,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    learning_rate: rng.pick([1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 3e-4]),
    batch_size: rng.pick([8, 16, 32, 64]),
    optimizer: rng.pick(['adamw', 'adamw', 'lion', 'sgd']),
    model_name: rng.pick(['llama-3-8b', 'mistral-7b', 'qwen2-7b']),
    epochs: rng.int(1, 4),
    warmup_steps: rng.pick([0, 100, 500]),
    seed: rng.int(0, 9999),
    lora: { r: rng.pick([8, 16, 64]), alpha: rng.pick([16, 32]), dropout: 0.05 },
    dataset: 'sft-mix:v2',
    ...overrides,
  };
}

function llmProject(rng: SeededRandom, now: number): StandinProject {
  const project = emptyProject(
    'llm-finetune',
    STANDIN_ENTITY,
    'Supervised fine-tuning of 7-8B models.',
  );
  const sweeps: StandinSweep[] = [
    sweep(
      'swplr001',
      'lr-search',
      'bayes',
      'FINISHED',
      { name: 'eval/loss', goal: 'minimize' },
      24,
    ),
    sweep(
      'swpbs002',
      'batch-grid',
      'grid',
      'RUNNING',
      { name: 'eval/accuracy', goal: 'maximize' },
      9,
    ),
  ];
  project.sweeps = sweeps;
  const fixed: RunSeed[] = [
    {
      name: STANDIN_FIXED_RUNS.prep,
      displayName: 'prep-sft-mix',
      state: 'finished',
      jobType: 'dataset-prep',
      steps: 200,
      group: null,
      tags: ['data'],
    },
    {
      name: STANDIN_FIXED_RUNS.long,
      displayName: 'sft-llama-long',
      state: 'finished',
      steps: 5000,
      curve: 'healthy',
      tags: ['baseline', 'long'],
      group: 'sft-v2',
    },
    {
      name: STANDIN_FIXED_RUNS.diverged,
      displayName: 'sft-llama-lr-too-high',
      state: 'crashed',
      steps: 1500,
      curve: 'diverging',
      gpuMemoryPeak: 99.2,
      tags: ['ablation'],
      group: 'sft-v2',
      config: { learning_rate: 3e-3 },
    },
    {
      name: STANDIN_FIXED_RUNS.stalled,
      displayName: 'sft-mistral-stalled',
      state: 'running',
      steps: 800,
      curve: 'healthy',
      heartbeatAgeMs: 2 * 3_600_000,
      tags: [],
      group: 'sft-v2',
    },
    {
      name: STANDIN_FIXED_RUNS.healthyA,
      displayName: 'sft-llama-adamw',
      state: 'finished',
      steps: 1200,
      curve: 'healthy',
      gpuMemoryPeak: 71,
      tags: ['baseline'],
      group: 'sft-v1',
      config: { learning_rate: 1e-4, optimizer: 'adamw' },
    },
    {
      name: STANDIN_FIXED_RUNS.healthyB,
      displayName: 'sft-llama-lion',
      state: 'finished',
      steps: 1200,
      curve: 'healthy',
      gpuMemoryPeak: 72,
      tags: ['baseline'],
      group: 'sft-v1',
      config: { learning_rate: 3e-5, optimizer: 'lion' },
    },
  ];
  const shared = llmConfig(rng, {
    model_name: 'llama-3-8b',
    batch_size: 32,
    epochs: 2,
    warmup_steps: 100,
    seed: 42,
  });
  fixed.forEach((seed, i) => {
    const config = { ...shared, ...seed.config };
    project.runs.push(makeRun(rng, now, project, 'llm', i, config, seed));
  });
  for (let i = fixed.length; i < 240; i++) {
    const inSweep =
      i < fixed.length + 24 ? sweeps[0]! : i < fixed.length + 33 ? sweeps[1]! : undefined;
    const overrides: Record<string, unknown> =
      inSweep?.method === 'grid' ? { batch_size: [8, 16, 32][i % 3] } : {};
    const run = makeRun(rng, now, project, 'llm', i, llmConfig(rng, overrides), {
      sweep: inSweep ? inSweep.id : null,
      ...(inSweep
        ? { state: inSweep.state === 'RUNNING' && i % 3 === 0 ? 'running' : 'finished' }
        : {}),
    });
    project.runs.push(run);
  }
  project.views = reportsOf(project);
  return project;
}

function genericProject(
  rng: SeededRandom,
  now: number,
  name: string,
  family: RunFamily,
  count: number,
): StandinProject {
  const project = emptyProject(
    name,
    STANDIN_ENTITY,
    family === 'vision' ? 'Image classification baselines.' : 'PPO agents on classic control.',
  );
  if (family === 'vision') {
    project.sweeps = [
      sweep(
        'swpvis01',
        'arch-random',
        'random',
        'FINISHED',
        { name: 'val/acc', goal: 'maximize' },
        null,
      ),
    ];
  }
  for (let i = 0; i < count; i++) {
    const config: Record<string, unknown> =
      family === 'vision'
        ? {
            arch: rng.pick(['resnet50', 'vit-b16', 'convnext-t']),
            lr: rng.pick([0.1, 0.01, 3e-4]),
            batch_size: rng.pick([128, 256]),
            augment: rng.pick(['none', 'randaug', 'trivialaug']),
          }
        : {
            env: rng.pick(['CartPole-v1', 'LunarLander-v2']),
            gamma: rng.pick([0.99, 0.995]),
            clip: 0.2,
          };
    project.runs.push(
      makeRun(rng, now, project, family, i, config, {
        sweep: family === 'vision' && i < 15 ? 'swpvis01' : null,
        group: null,
        gpuMemoryPeak: family === 'rl' ? 20 : undefined,
      }),
    );
  }
  return project;
}

function sweep(
  id: string,
  displayName: string,
  method: StandinSweep['method'],
  state: StandinSweep['state'],
  metric: StandinSweep['metric'],
  runCountExpected: number | null,
): StandinSweep {
  const configYaml = [
    `method: ${method}`,
    'metric:',
    `  goal: ${metric.goal}`,
    `  name: ${metric.name}`,
    'parameters:',
    '  learning_rate:',
    '    distribution: log_uniform_values',
    '    max: 0.0003',
    '    min: 0.00001',
    '  batch_size:',
    '    values: [8, 16, 32]',
    'program: train.py',
    runCountExpected ? `run_cap: ${runCountExpected}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    id,
    name: id,
    displayName,
    method,
    state,
    description: null,
    metric,
    configYaml,
    createdAt: EPOCH + 3 * DAY,
    updatedAt: EPOCH + 10 * DAY,
    runCountExpected,
  };
}

function reportsOf(project: StandinProject): StandinView[] {
  const longText = 'Loss curves of the Q1 runs, grouped by optimizer. '.repeat(60);
  const view = (
    n: number,
    type: string,
    displayName: string,
    description: string,
  ): StandinView => ({
    id: b64(`View:${1000 + n}`),
    name: createHash('sha1').update(`view-${n}`).digest('hex').slice(0, 12),
    displayName,
    description,
    type,
    spec: {
      version: 5,
      width: 'readable',
      authors: [],
      discussionThreads: [],
      ref: {},
      panelSettings: {},
      blocks: [
        { type: 'heading', level: 1, children: [{ text: displayName }] },
        { type: 'paragraph', children: [{ text: longText }] },
        {
          type: 'panel-grid',
          metadata: {
            panelBankSectionConfig: {
              panels: [{ viewType: 'Run History Line Plot', config: { metrics: ['loss'] } }],
            },
          },
        },
      ],
    },
    username: 'ada',
    createdAt: project.createdAt + n * DAY,
    updatedAt: project.createdAt + (n + 5) * DAY,
  });
  return [
    view(1, 'runs', 'Q1 optimizer comparison', 'AdamW vs Lion on llama-3-8b.'),
    view(2, 'runs', 'Why nanloss1 diverged', 'Learning rate 3e-3 blows up after 80 % of training.'),
    view(3, 'runs/draft', 'Draft: data mix ablation', ''),
    view(4, 'project-view', 'Workspace', ''),
  ];
}

function addLlmArtifacts(project: StandinProject, artifacts: Map<string, StandinArtifact>): void {
  const prep = project.runs.find((run) => run.name === STANDIN_FIXED_RUNS.prep)!;
  const trainers = project.runs.filter(
    (run) => run.jobType === 'train' && run.state === 'finished',
  );
  const dataset = sequence(project, 'sft-mix', 'dataset', 'Instruction mix used for SFT.');
  for (let v = 0; v < 3; v++) {
    const art = version(
      project,
      dataset,
      v,
      prep.name,
      { rows: 120_000 + v * 20_000, source: 'oasst+dolly' },
      3 + v,
    );
    artifacts.set(art.id, art);
    prep.outputArtifacts.push(art.id);
  }
  const latestDataset = dataset.versions.at(-1)!;
  for (const run of trainers.slice(0, 60)) {
    run.inputArtifacts.push(latestDataset);
    artifacts.get(latestDataset)!.usedBy.push(run.name);
  }
  const model = sequence(project, 'llama-sft', 'model', 'LoRA adapters from SFT runs.');
  const creators = [
    STANDIN_FIXED_RUNS.healthyA,
    STANDIN_FIXED_RUNS.healthyB,
    STANDIN_FIXED_RUNS.long,
    ...trainers
      .filter((run) => !(Object.values(STANDIN_FIXED_RUNS) as string[]).includes(run.name))
      .slice(0, 2)
      .map((run) => run.name),
  ];
  creators.forEach((creator, v) => {
    const art = version(
      project,
      model,
      v,
      creator,
      { base_model: 'llama-3-8b', format: 'safetensors' },
      4,
    );
    artifacts.set(art.id, art);
    project.runs.find((run) => run.name === creator)!.outputArtifacts.push(art.id);
  });
  dataset.aliases = {};
  model.aliases = {};
  const datasetLatest = artifacts.get(latestDataset)!;
  datasetLatest.aliases.push('latest');
  artifacts.get(dataset.versions[1]!)!.aliases.push('production');
  artifacts.get(model.versions.at(-1)!)!.aliases.push('latest');
  artifacts.get(model.versions[2]!)!.aliases.push('best');
  const evalRuns = project.runs.filter((run) => run.jobType === 'eval').slice(0, 5);
  for (const run of evalRuns) {
    run.inputArtifacts.push(model.versions[2]!);
    artifacts.get(model.versions[2]!)!.usedBy.push(run.name);
  }
  project.collections.push(dataset, model);
}

function sequence(
  project: StandinProject,
  name: string,
  type: string,
  description: string,
): StandinCollection {
  const rest = { description, createdAt: EPOCH + 2 * DAY, versions: [], aliases: {} };
  return collection(project, 'SEQUENCE', name, type, rest);
}

/** A collection of `project`: its id and place, and the rest as given. */
function collection(
  project: StandinProject,
  kind: StandinCollection['kind'],
  name: string,
  type: string,
  rest: Pick<StandinCollection, 'description' | 'createdAt' | 'versions' | 'aliases'>,
): StandinCollection {
  const prefix = kind === 'SEQUENCE' ? 'ArtifactSequence' : 'ArtifactPortfolio';
  const id = b64(`${prefix}:${project.name}:${name}`);
  return { id, entity: project.entity, project: project.name, type, name, kind, ...rest };
}

function version(
  project: StandinProject,
  collection: StandinCollection,
  versionIndex: number,
  createdBy: string,
  metadata: Record<string, unknown>,
  fileCount: number,
): StandinArtifact {
  const id = b64(`Artifact:${project.name}:${collection.name}:${versionIndex}`);
  collection.versions.push(id);
  return {
    id,
    entity: project.entity,
    project: project.name,
    type: collection.type,
    collection: collection.name,
    versionIndex,
    digest: createHash('md5').update(id).digest('hex'),
    description: versionIndex === 0 ? `First ${collection.type}.` : null,
    metadata,
    size: 1_000_000 * (versionIndex + 1) * (collection.type === 'model' ? 160 : 40),
    fileCount,
    createdAt: EPOCH + (5 + versionIndex * 7) * DAY,
    aliases: [`v${versionIndex}`],
    createdBy,
    usedBy: [],
  };
}

function llmModelVersions(llm: StandinProject, _artifacts: Map<string, StandinArtifact>): string[] {
  return llm.collections.find((c) => c.name === 'llama-sft')?.versions ?? [];
}

function portfolio(
  project: StandinProject,
  name: string,
  type: string,
  versions: string[],
  aliases: Record<string, number>,
): StandinCollection {
  return collection(project, 'PORTFOLIO', name, type, {
    description: `Linked ${type} versions.`,
    createdAt: EPOCH + 20 * DAY,
    versions,
    aliases: Object.fromEntries(
      Object.entries(aliases)
        .filter(([, index]) => versions[index] !== undefined)
        .map(([alias, index]) => [alias, versions[index]!]),
    ),
  });
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

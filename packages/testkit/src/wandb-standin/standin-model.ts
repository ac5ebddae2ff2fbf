/** W&B run states as the server reports them (wandb/apis/public/runs.py `Run.state`). */
export type StandinRunState = 'running' | 'finished' | 'failed' | 'crashed' | 'killed';

/** How a run's generated loss curve behaves. */
export type CurveKind = 'healthy' | 'diverging' | 'plateau';

/** Which kind of project a run belongs to; decides its metric keys. */
export type RunFamily = 'llm' | 'vision' | 'rl';

/** One run of the stand-in, held in memory; history and system metrics are generated lazily. */
export interface StandinRun {
  /** Base64 storage id, like W&B's `Run.id` ("Run:v1:<name>:<project>:<entity>"). */
  storageId: string;
  /** The short run id W&B calls `name` (8 characters). */
  name: string;
  displayName: string;
  entity: string;
  project: string;
  state: StandinRunState;
  /** Config as W&B stores it: every key wrapped as `{ value, desc }`, `_wandb` internals kept. */
  config: Record<string, { value: unknown; desc: string | null }>;
  summary: Record<string, unknown>;
  tags: string[];
  group: string | null;
  jobType: string | null;
  host: string;
  username: string;
  sweep: string | null;
  notes: string | null;
  description: string | null;
  commit: string;
  createdAt: number;
  heartbeatAt: number;
  /** Number of history rows (steps 0..steps-1). */
  steps: number;
  secondsPerStep: number;
  curve: CurveKind;
  family: RunFamily;
  /** Seed for this run's lazily generated history and system metrics. */
  seed: number;
  /** Peak GPU memory use in percent, reached at the end of the run. */
  gpuMemoryPeak: number;
  files: StandinFile[];
  /** Artifact version ids this run logged / used. */
  outputArtifacts: string[];
  inputArtifacts: string[];
}

/** A file a run saved. */
export interface StandinFile {
  name: string;
  sizeBytes: number;
  mimetype: string;
  md5: string;
  updatedAt: number;
}

/** One artifact version. */
export interface StandinArtifact {
  id: string;
  entity: string;
  project: string;
  type: string;
  /** The sequence (collection) the version was logged to. */
  collection: string;
  versionIndex: number;
  digest: string;
  description: string | null;
  metadata: Record<string, unknown>;
  size: number;
  fileCount: number;
  createdAt: number;
  aliases: string[];
  createdBy: string | null;
  usedBy: string[];
}

/** A collection: a sequence (versions logged by runs) or a portfolio (linked versions). */
export interface StandinCollection {
  id: string;
  entity: string;
  project: string;
  type: string;
  name: string;
  kind: 'SEQUENCE' | 'PORTFOLIO';
  description: string | null;
  createdAt: number;
  /** Version ids in version order. */
  versions: string[];
  /** Portfolio aliases (alias → version id); sequences take aliases from the versions. */
  aliases: Record<string, string>;
}

/** A sweep. */
export interface StandinSweep {
  id: string;
  name: string;
  displayName: string;
  method: 'bayes' | 'grid' | 'random';
  state: 'RUNNING' | 'FINISHED' | 'CANCELED' | 'PAUSED';
  description: string | null;
  metric: { name: string; goal: 'minimize' | 'maximize' };
  configYaml: string;
  createdAt: number;
  updatedAt: number;
  runCountExpected: number | null;
}

/** A view: a report ("runs", "runs/draft") or a workspace ("project-view"). */
export interface StandinView {
  id: string;
  name: string;
  displayName: string;
  description: string;
  type: string;
  spec: Record<string, unknown>;
  username: string;
  createdAt: number;
  updatedAt: number;
}

/** A project and everything in it. */
export interface StandinProject {
  id: string;
  name: string;
  entity: string;
  description: string | null;
  createdAt: number;
  updatedAt: number;
  runs: StandinRun[];
  sweeps: StandinSweep[];
  collections: StandinCollection[];
  views: StandinView[];
}

/** An entity (user or team) and its projects. */
export interface StandinEntity {
  id: string;
  name: string;
  isTeam: boolean;
  projects: StandinProject[];
}

/** Everything the stand-in serves. */
export interface StandinData {
  viewer: {
    id: string;
    username: string;
    name: string;
    email: string;
    entity: string;
    teams: string[];
  };
  entities: StandinEntity[];
  organizations: { name: string; orgEntity: string }[];
  artifacts: Map<string, StandinArtifact>;
}

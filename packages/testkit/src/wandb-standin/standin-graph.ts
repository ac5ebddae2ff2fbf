import { connection } from './connection.js';
import { historyRow, systemRow, systemSampleCount } from './metric-curves.js';
import { matchesFilter } from './mongo-filter.js';
import { pythonJsonDumps, strictJsonValue, wandbDateTime } from './python-json.js';
import { sortRuns } from './run-order.js';
import type {
  StandinArtifact,
  StandinCollection,
  StandinData,
  StandinEntity,
  StandinFile,
  StandinProject,
  StandinRun,
  StandinSweep,
  StandinView,
} from './standin-model.js';

/**
 * The object graph graphql-js resolves against: each node class exposes the schema's fields as
 * properties or as methods taking the field's arguments (graphql-js's default resolver calls a
 * method with `args`). Nothing here is W&B code; it is a stand-in shaped after W&B's answers.
 */
export class StandinGraph {
  readonly data: StandinData;
  readonly baseUrl: string;
  #nextView = 5000;

  constructor(data: StandinData, baseUrl: string) {
    this.data = data;
    this.baseUrl = baseUrl;
  }

  entity(name: string | null | undefined): StandinEntity | undefined {
    return this.data.entities.find((entity) => entity.name === name);
  }

  project(
    entity: string | null | undefined,
    name: string | null | undefined,
  ): StandinProject | undefined {
    return this.entity(entity ?? this.data.viewer.entity)?.projects.find(
      (project) => project.name === name,
    );
  }

  run(project: StandinProject, name: string): StandinRun | undefined {
    return project.runs.find((run) => run.name === name);
  }

  projectOf(entity: string, name: string): StandinProject {
    const project = this.project(entity, name);
    if (!project) throw new Error(`project ${entity}/${name} not found`);
    return project;
  }

  /** The root value: Query and Mutation fields. */
  root(): Record<string, unknown> {
    return {
      viewer: () => new UserNode(this),
      project: (args: { name?: string | null; entityName?: string | null }) => {
        const project = this.project(args.entityName, args.name);
        return project ? new ProjectNode(this, project) : null;
      },
      entity: (args: { name?: string | null }) => {
        const entity = this.entity(args.name);
        return entity ? new EntityNode(this, entity) : null;
      },
      organization: (args: { name: string }) => {
        const org = this.data.organizations.find((o) => o.name === args.name);
        if (!org) return null;
        const orgEntity = this.entity(org.orgEntity);
        return { name: org.name, orgEntity: orgEntity ? new EntityNode(this, orgEntity) : null };
      },
      view: (args: { id: string }) => {
        for (const entity of this.data.entities) {
          for (const project of entity.projects) {
            const view = project.views.find((v) => v.id === args.id);
            if (view) return new ViewNode(this, project, view);
          }
        }
        return null;
      },
      upsertBucket: (args: { input: UpsertBucketInput }) => this.upsertBucket(args.input),
      upsertView: (args: { input: UpsertViewInput }) => this.upsertView(args.input),
    };
  }

  upsertBucket(input: UpsertBucketInput): { bucket: RunNode; inserted: boolean } {
    for (const entity of this.data.entities) {
      for (const project of entity.projects) {
        const run = project.runs.find(
          (r) =>
            (input.id && r.storageId === input.id) ||
            (!input.id &&
              r.name === input.name &&
              project.name === input.modelName &&
              entity.name === input.entityName),
        );
        if (!run) continue;
        if (input.tags !== undefined && input.tags !== null) run.tags = [...input.tags];
        if (input.notes !== undefined && input.notes !== null) run.notes = input.notes;
        if (input.description !== undefined && input.description !== null)
          run.description = input.description;
        if (input.displayName) run.displayName = input.displayName;
        if (input.groupName !== undefined && input.groupName !== null) run.group = input.groupName;
        return { bucket: new RunNode(this, project, run), inserted: false };
      }
    }
    throw new Error('run not found');
  }

  upsertView(input: UpsertViewInput): { view: ViewNode; inserted: boolean } {
    const project = this.projectOf(
      input.entityName ?? this.data.viewer.entity,
      input.projectName ?? '',
    );
    let spec: Record<string, unknown>;
    try {
      spec = JSON.parse(input.spec ?? '{}') as Record<string, unknown>;
    } catch {
      throw new Error('invalid spec: not JSON');
    }
    const existing = input.id ? project.views.find((v) => v.id === input.id) : undefined;
    const now = Date.now();
    if (existing) {
      Object.assign(existing, {
        displayName: input.displayName ?? existing.displayName,
        description: input.description ?? existing.description,
        spec,
        updatedAt: now,
      });
      return { view: new ViewNode(this, project, existing), inserted: false };
    }
    const view: StandinView = {
      id: Buffer.from(`View:${this.#nextView++}`).toString('base64'),
      name: input.name ?? `report-${this.#nextView}`,
      displayName: input.displayName ?? 'Untitled Report',
      description: input.description ?? '',
      type: input.type ?? 'runs',
      spec,
      username: this.data.viewer.username,
      createdAt: now,
      updatedAt: now,
    };
    project.views.push(view);
    return { view: new ViewNode(this, project, view), inserted: true };
  }
}

interface UpsertBucketInput {
  id?: string | null;
  name?: string | null;
  modelName?: string | null;
  entityName?: string | null;
  tags?: string[] | null;
  notes?: string | null;
  description?: string | null;
  displayName?: string | null;
  groupName?: string | null;
}

interface UpsertViewInput {
  id?: string | null;
  entityName?: string | null;
  projectName?: string | null;
  name?: string | null;
  displayName?: string | null;
  description?: string | null;
  type?: string | null;
  spec?: string | null;
}

interface PageArgs {
  after?: string | null;
  first?: number | null;
}

class UserNode {
  readonly id: string;
  readonly entity: string;
  readonly username: string;
  readonly email: string;
  readonly name: string;
  readonly #graph: StandinGraph;

  constructor(graph: StandinGraph) {
    this.#graph = graph;
    const viewer = graph.data.viewer;
    this.id = viewer.id;
    this.entity = viewer.entity;
    this.username = viewer.username;
    this.email = viewer.email;
    this.name = viewer.name;
  }

  teams(args: PageArgs) {
    const teams = this.#graph.data.viewer.teams
      .map((name) => this.#graph.entity(name))
      .filter((entity): entity is StandinEntity => entity !== undefined)
      .map((entity) => new EntityNode(this.#graph, entity));
    return connection(teams, args);
  }
}

class EntityNode {
  readonly id: string;
  readonly name: string;
  readonly isTeam: boolean;
  readonly #graph: StandinGraph;
  readonly #entity: StandinEntity;

  constructor(graph: StandinGraph, entity: StandinEntity) {
    this.#graph = graph;
    this.#entity = entity;
    this.id = entity.id;
    this.name = entity.name;
    this.isTeam = entity.isTeam;
  }

  project(args: { name?: string | null }) {
    const project = this.#entity.projects.find((p) => p.name === args.name);
    return project ? new ProjectNode(this.#graph, project) : null;
  }

  projects(args: PageArgs & { filters?: string | null }) {
    const filter = parseFilters(args.filters);
    const projects = this.#entity.projects.filter((p) => matchesPlain({ name: p.name }, filter));
    return connection(
      projects.map((p) => new ProjectNode(this.#graph, p)),
      args,
    );
  }

  artifactCollections(
    args: PageArgs & {
      projectFilters?: string | null;
      filters?: string | null;
      collectionTypes?: string[] | null;
    },
  ) {
    const projectFilter = parseFilters(args.projectFilters);
    const filter = parseFilters(args.filters);
    const collections = this.#entity.projects
      .filter((project) => matchesPlain({ name: project.name }, projectFilter))
      .flatMap((project) => project.collections)
      .filter((c) => !args.collectionTypes?.length || args.collectionTypes.includes(c.kind))
      .filter((c) => matchesPlain({ name: c.name }, filter));
    return connection(
      collections.map((c) => new CollectionNode(this.#graph, c)),
      args,
    );
  }
}

class ProjectNode {
  readonly id: string;
  readonly name: string;
  readonly entityName: string;
  readonly description: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly totalSweeps: number;
  readonly #graph: StandinGraph;
  readonly #project: StandinProject;

  constructor(graph: StandinGraph, project: StandinProject) {
    this.#graph = graph;
    this.#project = project;
    this.id = project.id;
    this.name = project.name;
    this.entityName = project.entity;
    this.description = project.description;
    this.createdAt = wandbDateTime(project.createdAt);
    this.updatedAt = wandbDateTime(project.updatedAt);
    this.totalSweeps = project.sweeps.length;
  }

  entity() {
    const entity = this.#graph.entity(this.#project.entity);
    return entity ? new EntityNode(this.#graph, entity) : null;
  }

  run(args: { name: string }) {
    const run = this.#graph.run(this.#project, args.name);
    return run ? new RunNode(this.#graph, this.#project, run) : null;
  }

  runs(args: PageArgs & { filters?: string | null; order?: string | null }) {
    const filter = parseFilters(args.filters);
    const matching = this.#project.runs.filter((run) => matchesFilter(run, filter));
    const sorted = sortRuns(matching, args.order);
    return connection(
      sorted.map((run) => new RunNode(this.#graph, this.#project, run)),
      args,
    );
  }

  runCount(args: { filters?: string | null }) {
    const filter = parseFilters(args.filters);
    return this.#project.runs.filter((run) => matchesFilter(run, filter)).length;
  }

  artifact(args: { name: string }) {
    const artifact = resolveArtifact(this.#graph, this.#project, args.name);
    return artifact ? new ArtifactNode(this.#graph, artifact) : null;
  }

  artifactType(args: { name: string }) {
    return this.#types().includes(args.name)
      ? new ArtifactTypeNode(this.#graph, this.#project, args.name)
      : null;
  }

  artifactTypes(args: PageArgs) {
    return connection(
      this.#types().map((type) => new ArtifactTypeNode(this.#graph, this.#project, type)),
      args,
    );
  }

  allViews(args: PageArgs & { viewType?: string | null; viewName?: string | null }) {
    const views = this.#project.views
      .filter((view) => !args.viewType || view.type === args.viewType)
      .filter((view) => !args.viewName || view.name === args.viewName);
    return connection(
      views.map((view) => new ViewNode(this.#graph, this.#project, view)),
      args,
    );
  }

  sweeps(args: PageArgs) {
    return connection(
      this.#project.sweeps.map((s) => new SweepNode(this.#project, s)),
      args,
    );
  }

  sweep(args: { sweepName: string }) {
    const sweep = this.#project.sweeps.find((s) => s.name === args.sweepName);
    return sweep ? new SweepNode(this.#project, sweep) : null;
  }

  #types(): string[] {
    return [
      ...new Set(this.#project.collections.filter((c) => c.kind === 'SEQUENCE').map((c) => c.type)),
    ];
  }
}

class RunNode {
  readonly __typename = 'Run';
  readonly id: string;
  readonly name: string;
  readonly #graph: StandinGraph;
  readonly #project: StandinProject;
  readonly #run: StandinRun;

  constructor(graph: StandinGraph, project: StandinProject, run: StandinRun) {
    this.#graph = graph;
    this.#project = project;
    this.#run = run;
    this.id = run.storageId;
    this.name = run.name;
  }

  displayName = () => this.#run.displayName;
  description = () => this.#run.description;
  notes = () => this.#run.notes;
  config = () => pythonJsonDumps(this.#run.config);
  summaryMetrics = () => pythonJsonDumps(this.#run.summary);
  systemMetrics = () => {
    const last = systemRow(this.#run, systemSampleCount(this.#run) - 1);
    const { _runtime, _timestamp, _wandb, ...latest } = last;
    return pythonJsonDumps(latest);
  };
  sweepName = () => this.#run.sweep;
  state = () => this.#run.state;
  group = () => this.#run.group;
  jobType = () => this.#run.jobType;
  commit = () => this.#run.commit;
  createdAt = () => wandbDateTime(this.#run.createdAt);
  updatedAt = () => wandbDateTime(this.#run.heartbeatAt);
  heartbeatAt = () => wandbDateTime(this.#run.heartbeatAt);
  tags = () => this.#run.tags;
  host = () => this.#run.host;
  user = () => ({ id: this.#run.username, username: this.#run.username, name: this.#run.username });
  project = () => new ProjectNode(this.#graph, this.#project);
  historyLineCount = () => this.#run.steps;
  eventsLineCount = () => systemSampleCount(this.#run);

  history(args: { minStep?: number | null; maxStep?: number | null; samples?: number | null }) {
    const min = Math.max(0, args.minStep ?? 0);
    const max = Math.min(this.#run.steps, args.maxStep ?? this.#run.steps);
    const steps = Array.from({ length: Math.max(0, max - min) }, (_v, i) => min + i);
    return sampleEvenly(steps, args.samples ?? 500).map((step) =>
      pythonJsonDumps(historyRow(this.#run, step)),
    );
  }

  /** One list of rows per spec: rows holding every key of the spec, evenly sampled. */
  sampledHistory(args: { specs: string[] }) {
    return args.specs.map((specText) => {
      let spec: { keys?: unknown; samples?: unknown };
      try {
        spec = JSON.parse(specText) as typeof spec;
      } catch {
        throw new Error('invalid spec: not JSON');
      }
      const keys = Array.isArray(spec.keys) ? spec.keys.map(String) : [];
      const samples = typeof spec.samples === 'number' ? spec.samples : 500;
      const rows: Record<string, unknown>[] = [];
      for (let step = 0; step < this.#run.steps; step++) {
        const row = historyRow(this.#run, step);
        if (keys.every((key) => key in row)) {
          rows.push(Object.fromEntries(keys.map((key) => [key, row[key]])));
        }
      }
      return sampleEvenly(rows, samples).map((row) => strictJsonValue(row));
    });
  }

  events(args: { samples?: number | null }) {
    const indexes = Array.from({ length: systemSampleCount(this.#run) }, (_v, i) => i);
    return sampleEvenly(indexes, args.samples ?? 500).map((i) =>
      pythonJsonDumps(systemRow(this.#run, i)),
    );
  }

  files(args: PageArgs & { names?: string[] | null; pattern?: string | null }) {
    let files = this.#run.files;
    if (args.names?.length) files = files.filter((f) => args.names!.includes(f.name));
    else if (args.pattern) {
      const like = new RegExp(
        `^${args.pattern
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.')}$`,
      );
      files = files.filter((f) => like.test(f.name));
    }
    return connection(
      files.map((file) => new FileNode(this.#graph, this.#run, file)),
      args,
    );
  }

  inputArtifacts(args: PageArgs) {
    return artifactConnection(this.#graph, this.#run.inputArtifacts, args);
  }

  outputArtifacts(args: PageArgs) {
    return artifactConnection(this.#graph, this.#run.outputArtifacts, args);
  }
}

class FileNode {
  readonly id: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly md5: string;
  readonly mimetype: string;
  readonly updatedAt: string;
  readonly #graph: StandinGraph;
  readonly #run: StandinRun;

  constructor(graph: StandinGraph, run: StandinRun, file: StandinFile) {
    this.#graph = graph;
    this.#run = run;
    this.id = Buffer.from(`File:${run.name}:${file.name}`).toString('base64');
    this.name = file.name;
    this.sizeBytes = file.sizeBytes;
    this.md5 = file.md5;
    this.mimetype = file.mimetype;
    this.updatedAt = wandbDateTime(file.updatedAt);
  }

  /** W&B's API download URL, which needs the API key (HTTP basic) to fetch. */
  url() {
    const run = this.#run;
    return `${this.#graph.baseUrl}/files/${run.entity}/${run.project}/${run.name}/${this.name}`;
  }

  /** A signed storage URL: the credential is in the query string, which is why the adapter never selects it. */
  directUrl() {
    return `https://storage.example/wandb-standin/${this.#run.name}/${this.name}?X-Goog-Signature=standin-signature-${this.#run.seed}`;
  }
}

class ArtifactNode {
  readonly id: string;
  readonly state = 'COMMITTED';
  readonly digest: string;
  readonly commitHash: string;
  readonly description: string | null;
  readonly versionIndex: number;
  readonly size: number;
  readonly fileCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly #graph: StandinGraph;
  readonly #artifact: StandinArtifact;

  constructor(graph: StandinGraph, artifact: StandinArtifact) {
    this.#graph = graph;
    this.#artifact = artifact;
    this.id = artifact.id;
    this.digest = artifact.digest;
    this.commitHash = artifact.digest.slice(0, 20);
    this.description = artifact.description;
    this.versionIndex = artifact.versionIndex;
    this.size = artifact.size;
    this.fileCount = artifact.fileCount;
    this.createdAt = wandbDateTime(artifact.createdAt);
    this.updatedAt = wandbDateTime(artifact.createdAt);
  }

  metadata = () => pythonJsonDumps(this.#artifact.metadata);
  artifactType = () => ({ id: this.#artifact.type, name: this.#artifact.type });

  artifactSequence() {
    const a = this.#artifact;
    const project = this.#graph.project(a.entity, a.project);
    return {
      id: Buffer.from(`ArtifactSequence:${a.project}:${a.collection}`).toString('base64'),
      name: a.collection,
      description: null,
      project: project ? new ProjectNode(this.#graph, project) : null,
    };
  }

  /** The version's aliases in its own collection and in every portfolio that links it. */
  aliases() {
    const a = this.#artifact;
    const own = a.aliases.map((alias) => ({
      id: `${a.id}:${alias}`,
      alias,
      artifactCollection: { name: a.collection },
    }));
    const linked: { id: string; alias: string; artifactCollection: { name: string } }[] = [];
    for (const entity of this.#graph.data.entities) {
      for (const project of entity.projects) {
        for (const c of project.collections) {
          if (c.kind !== 'PORTFOLIO') continue;
          for (const [alias, id] of Object.entries(c.aliases)) {
            if (id === a.id)
              linked.push({ id: `${c.id}:${alias}`, alias, artifactCollection: { name: c.name } });
          }
        }
      }
    }
    return [...own, ...linked];
  }

  createdBy() {
    const a = this.#artifact;
    const project = this.#graph.project(a.entity, a.project);
    const run = project && a.createdBy ? this.#graph.run(project, a.createdBy) : undefined;
    return project && run ? new RunNode(this.#graph, project, run) : null;
  }

  usedBy() {
    const a = this.#artifact;
    const project = this.#graph.project(a.entity, a.project);
    const runs = project
      ? a.usedBy
          .map((name) => this.#graph.run(project, name))
          .filter((run): run is StandinRun => run !== undefined)
          .map((run) => new RunNode(this.#graph, project, run))
      : [];
    return connection(runs, { first: runs.length });
  }
}

class ArtifactTypeNode {
  readonly id: string;
  readonly name: string;
  readonly description: string | null = null;
  readonly createdAt: string;
  readonly #graph: StandinGraph;
  readonly #project: StandinProject;

  constructor(graph: StandinGraph, project: StandinProject, name: string) {
    this.#graph = graph;
    this.#project = project;
    this.id = Buffer.from(`ArtifactType:${project.name}:${name}`).toString('base64');
    this.name = name;
    this.createdAt = wandbDateTime(project.createdAt);
  }

  artifactCollection(args: { name: string }) {
    const c = this.#collections().find((col) => col.name === args.name);
    return c ? new CollectionNode(this.#graph, c) : null;
  }

  artifactCollections(args: PageArgs) {
    return connection(
      this.#collections().map((c) => new CollectionNode(this.#graph, c)),
      args,
    );
  }

  #collections(): StandinCollection[] {
    return this.#project.collections.filter((c) => c.type === this.name && c.kind === 'SEQUENCE');
  }
}

class CollectionNode {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: string;
  readonly #graph: StandinGraph;
  readonly #collection: StandinCollection;

  constructor(graph: StandinGraph, collection: StandinCollection) {
    this.#graph = graph;
    this.#collection = collection;
    this.id = collection.id;
    this.name = collection.name;
    this.description = collection.description;
    this.createdAt = wandbDateTime(collection.createdAt);
  }

  project() {
    const c = this.#collection;
    const project = this.#graph.project(c.entity, c.project);
    return project ? new ProjectNode(this.#graph, project) : null;
  }

  defaultArtifactType = () => ({ id: this.#collection.type, name: this.#collection.type });

  aliases(args: PageArgs) {
    const c = this.#collection;
    const aliases =
      c.kind === 'PORTFOLIO'
        ? Object.keys(c.aliases)
        : c.versions
            .flatMap((id) => this.#graph.data.artifacts.get(id)?.aliases ?? [])
            .filter((a) => !/^v\d+$/.test(a));
    return connection(
      aliases.map((alias) => ({ id: `${c.id}:${alias}`, alias, artifactCollection: null })),
      args,
    );
  }

  artifacts(args: PageArgs) {
    return artifactConnection(this.#graph, [...this.#collection.versions].reverse(), args);
  }
}

class ViewNode {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly type: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly #graph: StandinGraph;
  readonly #project: StandinProject;
  readonly #view: StandinView;

  constructor(graph: StandinGraph, project: StandinProject, view: StandinView) {
    this.#graph = graph;
    this.#project = project;
    this.#view = view;
    this.id = view.id;
    this.name = view.name;
    this.displayName = view.displayName;
    this.description = view.description;
    this.type = view.type;
    this.createdAt = wandbDateTime(view.createdAt);
    this.updatedAt = wandbDateTime(view.updatedAt);
  }

  spec = () => JSON.stringify(this.#view.spec);
  user = () => ({
    id: this.#view.username,
    username: this.#view.username,
    name: this.#view.username,
  });
  project = () => new ProjectNode(this.#graph, this.#project);
}

class SweepNode {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly method: string;
  readonly state: string;
  readonly description: string | null;
  readonly config: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly runCount: number;
  readonly runCountExpected: number | null;
  readonly bestLoss: number | null;

  constructor(project: StandinProject, sweep: StandinSweep) {
    this.id = Buffer.from(`Sweep:${sweep.name}`).toString('base64');
    this.name = sweep.name;
    this.displayName = sweep.displayName;
    this.method = sweep.method;
    this.state = sweep.state;
    this.description = sweep.description;
    this.config = sweep.configYaml;
    this.createdAt = wandbDateTime(sweep.createdAt);
    this.updatedAt = wandbDateTime(sweep.updatedAt);
    const runs = project.runs.filter((run) => run.sweep === sweep.name);
    this.runCount = runs.length;
    this.runCountExpected = sweep.runCountExpected;
    const values = runs
      .map((run) => run.summary[sweep.metric.name])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    this.bestLoss = sweep.metric.goal === 'minimize' && values.length ? Math.min(...values) : null;
  }
}

function artifactConnection(graph: StandinGraph, ids: readonly string[], args: PageArgs) {
  const artifacts = ids
    .map((id) => graph.data.artifacts.get(id))
    .filter((a): a is StandinArtifact => a !== undefined);
  const page = connection(artifacts, args);
  return {
    ...page,
    edges: page.edges.map((edge) => ({
      cursor: edge.cursor,
      version: `v${edge.node.versionIndex}`,
      node: new ArtifactNode(graph, edge.node),
    })),
  };
}

/** `name:alias`, `name:vN` or `name:latest` in a project's collections (sequences and portfolios). */
function resolveArtifact(
  graph: StandinGraph,
  project: StandinProject,
  name: string,
): StandinArtifact | undefined {
  const colon = name.lastIndexOf(':');
  const collectionName = colon === -1 ? name : name.slice(0, colon);
  const alias = colon === -1 ? 'latest' : name.slice(colon + 1);
  const collection = project.collections.find((c) => c.name === collectionName);
  if (!collection) return undefined;
  const versionMatch = /^v(\d+)$/.exec(alias);
  let id: string | undefined;
  if (versionMatch) id = collection.versions[Number(versionMatch[1])];
  else if (alias === 'latest') id = collection.aliases.latest ?? collection.versions.at(-1);
  else if (collection.kind === 'PORTFOLIO') id = collection.aliases[alias];
  else id = collection.versions.find((v) => graph.data.artifacts.get(v)?.aliases.includes(alias));
  return id ? graph.data.artifacts.get(id) : undefined;
}

function parseFilters(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('invalid filters: not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('invalid filters: must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Name filters on projects and collections: equality, `$regex` or `$in`. */
function matchesPlain(record: Record<string, string>, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    const actual = record[key];
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
      const ops = condition as Record<string, unknown>;
      if ('$regex' in ops)
        return actual !== undefined && new RegExp(String(ops.$regex)).test(actual);
      if ('$in' in ops) return Array.isArray(ops.$in) && ops.$in.includes(actual);
      return false;
    }
    return actual === condition;
  });
}

/** Picks at most `samples` items evenly, always keeping the first and the last. */
function sampleEvenly<T>(items: readonly T[], samples: number): T[] {
  const n = items.length;
  const count = Math.max(1, Math.floor(samples));
  if (n <= count) return [...items];
  if (count === 1) return [items[n - 1] as T];
  return Array.from(
    { length: count },
    (_v, i) => items[Math.round((i * (n - 1)) / (count - 1))] as T,
  );
}

import type { SeedContext } from '../../task.js';

/**
 * Seeding and truth for the W&B tasks, straight against the W&B stand-in (its seeding route
 * and its GraphQL API), never through the gateway.
 */

/** A run to seed; history, summary and system metrics follow from family, curve and steps. */
export interface StandinRun {
  name: string;
  displayName: string;
  state?: 'running' | 'finished' | 'failed' | 'crashed' | 'killed';
  family?: 'llm' | 'vision' | 'rl';
  curve?: 'healthy' | 'diverging' | 'plateau';
  steps?: number;
  config?: Record<string, unknown>;
  gpuMemoryPeak?: number;
  heartbeatAgeMs?: number;
}

/** One run as W&B's GraphQL answers it, JSONString fields parsed (NaN/Infinity kept as numbers). */
export interface GraphqlRun {
  name: string;
  displayName: string;
  state: string;
  heartbeatAt: string;
  config: Record<string, unknown>;
  summary: Record<string, unknown>;
}

const auth = (ctx: SeedContext) => ({
  authorization: `Basic ${Buffer.from(`api:${ctx.wandb.apiKey}`).toString('base64')}`,
});

/** Creates the project `name` of the stand-in's entity with these runs (the stand-in's seeding route). */
export async function seedProject(
  ctx: SeedContext,
  name: string,
  runs: StandinRun[],
): Promise<void> {
  await ctx.rest(`${ctx.wandb.url}/_standin/projects`, {
    body: { entity: ctx.wandb.entity, project: name, runs },
    headers: auth(ctx),
  });
}

/** A GraphQL query against the stand-in, as W&B's SDK sends it; returns `data`. */
export async function graphql<T>(
  ctx: SeedContext,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const answer = await ctx.rest<{ data?: T; errors?: { message: string }[] }>(
    `${ctx.wandb.url}/graphql`,
    { body: { query, variables }, headers: auth(ctx) },
  );
  if (answer.errors?.length) throw new Error(`W&B GraphQL: ${answer.errors[0]!.message}`);
  return answer.data as T;
}

/** W&B's JSONString as Python's json.dumps writes it: bare NaN and Infinity allowed. */
export function parsePythonJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  const quoted = text.replace(/(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g, '"__$1"');
  return JSON.parse(quoted, (_key, value) =>
    typeof value === 'string' && value.startsWith('__') ? Number(value.slice(2)) : value,
  ) as Record<string, unknown>;
}

/** Every run of a project, config unwrapped from W&B's `{value, desc}` and `_wandb` dropped. */
export async function projectRuns(ctx: SeedContext, project: string): Promise<GraphqlRun[]> {
  const data = await graphql<{
    project: {
      runs: {
        edges: {
          node: {
            name: string;
            displayName: string;
            state: string;
            heartbeatAt: string;
            config: string | null;
            summaryMetrics: string | null;
          };
        }[];
      };
    } | null;
  }>(
    ctx,
    `query Runs($entity: String!, $project: String!) {
      project(name: $project, entityName: $entity) {
        runs(first: 1000) { edges { node { name displayName state heartbeatAt config summaryMetrics } } }
      }
    }`,
    { entity: ctx.wandb.entity, project },
  );
  if (!data.project) throw new Error(`W&B project ${project} not found`);
  return data.project.runs.edges.map(({ node }) => {
    const config: Record<string, unknown> = {};
    for (const [key, wrapped] of Object.entries(parsePythonJson(node.config))) {
      if (key === '_wandb') continue;
      config[key] = (wrapped as { value?: unknown })?.value;
    }
    return {
      name: node.name,
      displayName: node.displayName,
      state: node.state,
      heartbeatAt: node.heartbeatAt,
      config,
      summary: parsePythonJson(node.summaryMetrics),
    };
  });
}

/** A run's full history of one key (every row: samples above the row count), per W&B's sampledHistory. */
export async function keyHistory(
  ctx: SeedContext,
  project: string,
  run: string,
  key: string,
): Promise<{ step: number; value: number }[]> {
  const data = await graphql<{
    project: { run: { sampledHistory: Record<string, unknown>[][] } | null } | null;
  }>(
    ctx,
    `query History($entity: String!, $project: String!, $run: String!, $specs: [JSONString!]!) {
      project(name: $project, entityName: $entity) { run(name: $run) { sampledHistory(specs: $specs) } }
    }`,
    {
      entity: ctx.wandb.entity,
      project,
      run,
      specs: [JSON.stringify({ keys: ['_step', key], samples: 1_000_000 })],
    },
  );
  const rows = data.project?.run?.sampledHistory[0] ?? [];
  return rows.map((row) => ({ step: Number(row._step), value: Number(row[key]) }));
}

/** A run's summary value of `key` when it is a finite number. */
export function finite(run: GraphqlRun, key: string): number | undefined {
  const value = run.summary[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** W&B DateTimes carry no zone designator; they are UTC. */
export function wandbTime(text: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

/** Items of a search answer, typed loosely. */
export function itemsOf(structured: Record<string, unknown>): Record<string, unknown>[] {
  return (structured.items as Record<string, unknown>[] | undefined) ?? [];
}

/**
 * The contract of one eval task: a support case an ML engineer would bring, seeded on the real
 * backends, answered by a scripted "competent agent" through the gateway's MCP surface, and
 * checked against ground truth computed with the backend's own client or REST API (never the
 * gateway).
 *
 * A task never sees the gateway while seeding or computing truth, and its plan sees only what
 * the user would say (`visible`), never the ids the seed created (`hidden`).
 */

/** Backends a task can seed and ask about. `wandb` is the GraphQL stand-in, `weave` the real Weave trace server. */
export type BackendName = 'mlflow' | 'prefect' | 'wandb' | 'weave';

/** What kind of case this is; used for the summary in docs/EVALS.md. */
export type TaskTag =
  | 'common' // a question users ask most (failed/late runs, best run, comparisons, lineage, artifacts, traces, aliases)
  | 'nothing-wrong' // the right answer is that nothing is wrong / nothing matched
  | 'misleading-default' // a default (window, sort direction, profile) could hide or invert the answer
  | 'misnamed-argument' // the agent's first call uses a wrong argument name and must recover from the error
  | 'backend-off' // a backend the question concerns is not enabled
  | 'cross-backend' // needs more than one backend
  | 'computation'; // needs arithmetic across many records

/** Where the real servers of this run live, and helpers to reach them without the gateway. */
export interface SeedContext {
  /** MLflow tracking server root URL (REST under /api/2.0/mlflow/... and /ajax-api/...). */
  mlflowUrl: string;
  /** Prefect API URL (ends in /api). */
  prefectUrl: string;
  /** W&B stand-in GraphQL base URL, API key and entity. */
  wandb: { url: string; apiKey: string; entity: string };
  /** Weave trace server URL, and the project seeded for the run (entity/project). */
  weave: { url: string; apiKey: string; entity: string; project: string };
  /** A unique prefix for names this task creates (experiments, flows, projects): isolates tasks. */
  prefix: string;
  /**
   * Runs a Python script with the backends' own clients installed (mlflow, prefect, weave) and
   * returns the JSON object it prints as its LAST line of stdout. `env` is added to the
   * script's environment (MLFLOW_TRACKING_URI and PREFECT_API_URL are set already).
   */
  python<T = unknown>(script: string, env?: Record<string, string>): Promise<T>;
  /** JSON over HTTP to a backend's own REST API (throws with the body on a non-2xx answer). */
  rest<T = unknown>(
    url: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<T>;
}

/** One tool call as the scripted agent saw it. */
export interface ToolAnswer {
  /** structuredContent of the result (the error payload `{error:{kind,message,hint,...}}` when isError). */
  structured: Record<string, unknown>;
  isError: boolean;
  /** The text content a client receives (what the response-token count is taken from). */
  text: string;
}

/** The gateway as the scripted agent sees it: an MCP client on the task's profile. */
export interface Agent {
  /** Calls a tool over MCP. Counts one call and its response tokens. Never throws on isError. */
  call(tool: string, args: Record<string, unknown>): Promise<ToolAnswer>;
  /** Names of the tools this profile lists (tools/list). */
  listedTools(): Promise<string[]>;
}

/** What a seed produces: what the user would say, and what only the checker may know. */
export interface Seeded<V, H> {
  /** Names and values the user's question mentions; the only thing the plan may use. */
  visible: V;
  /** Ids and facts the seed created, for computing ground truth. */
  hidden: H;
}

export interface EvalTask<V = unknown, H = unknown, T = unknown, A = unknown> {
  /** Stable id, kebab-case, prefixed by area: `mlflow-best-run-by-accuracy`. */
  id: string;
  /** The user's question, as a support case would state it (may interpolate `visible`). */
  question: (visible: V) => string;
  tags: readonly TaskTag[];
  /** Backends the task seeds or asks about. */
  backends: readonly BackendName[];
  /**
   * Gateway settings that differ from the default (every backend enabled, default profile,
   * read-only). E.g. `{ enabled: ['prefect'] }` for a task about a gateway with only Prefect.
   */
  gateway?: { enabled?: readonly BackendName[] };
  /** Creates this task's own state on the real servers (names start with ctx.prefix). */
  seed(ctx: SeedContext): Promise<Seeded<V, H>>;
  /** Ground truth from the backend's own client or REST API. */
  truth(ctx: SeedContext, seeded: Seeded<V, H>): Promise<T>;
  /**
   * The calls a competent agent makes in the task's profile, using only `visible` and what
   * earlier answers returned. Returns the agent's answer, derived from structuredContent.
   */
  plan(agent: Agent, visible: V): Promise<A>;
  /**
   * The same question in code mode (`--toolsets code`): ONE mlops_execute snippet that computes
   * the answer in the sandbox, then returns it (see `runSnippet` in harness/code-mode.ts). Checked
   * with the same `check`. Tasks without one are recorded as not yet run in code mode.
   */
  codePlan?(agent: Agent, visible: V): Promise<A>;
  /** Empty when the answer matches the truth; otherwise what is wrong, one string per problem. */
  check(answer: A, truth: T): string[];
}

/** Identity helper that keeps a task's type parameters inferred. */
export function defineTask<V, H, T, A>(task: EvalTask<V, H, T, A>): EvalTask<V, H, T, A> {
  return task;
}

/** A task of any type parameters: what the area index files list. */
// biome-ignore lint/suspicious/noExplicitAny: tasks differ in their type parameters.
export type AnyTask = EvalTask<any, any, any, any>;

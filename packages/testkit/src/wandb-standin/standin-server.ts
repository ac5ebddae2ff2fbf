import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildASTSchema,
  type GraphQLSchema,
  graphql,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
  visit,
} from 'graphql';
import {
  addStandinProject,
  generateStandinData,
  STANDIN_ENTITY,
  STANDIN_FIXED_RUNS,
  STANDIN_ORGANIZATION,
  type StandinRunSpec,
} from './generate-data.js';
import { wandbStandinSchemaSdl } from './schema-sdl.js';
import { StandinGraph } from './standin-graph.js';

/** A running W&B stand-in. */
export interface WandbStandin {
  /** Base URL (WANDB_BASE_URL); GraphQL is served at `${url}/graphql`. */
  url: string;
  /** The only API key the stand-in accepts (HTTP basic, user "api"). */
  apiKey: string;
  /** The team entity holding the projects; also the viewer's default entity. */
  entity: string;
  /** The organization whose registry holds linked collections. */
  organization: string;
  /** Names of the entity's projects with runs. */
  projects: string[];
  /** Runs with fixed ids and known facts (see generate-data.ts). */
  runs: typeof STANDIN_FIXED_RUNS;
  /** How many GraphQL requests each operation name received (for retry/no-retry checks). */
  requestCounts: Map<string, number>;
  /**
   * Adds (or replaces) a project of runs, generated like the built-in ones from each run's
   * family, curve and steps; also served as `POST /_standin/projects` (same auth, JSON body
   * `{project, entity?, description?, runs: [...]}`) for processes that hold only the URL.
   */
  addProject(spec: StandinProjectSpec): { entity: string; project: string; runs: string[] };
  stop(): Promise<void>;
}

/** A project for {@link WandbStandin.addProject}. */
export interface StandinProjectSpec {
  entity?: string;
  project: string;
  description?: string | null;
  runs: StandinRunSpec[];
}

/** How the stand-in behaves like an older or locked-down W&B server. */
export interface WandbStandinOptions {
  /**
   * Fields ("Type.field", e.g. "Run.systemMetrics") this server lacks, as an older W&B Server
   * release does: they vanish from the schema and its introspection, and a query selecting one
   * fails validation with `Cannot query field "x" on type "Y".` and HTTP 400.
   */
  lacksFields?: readonly string[];
  /** false: refuse introspection (`__schema`/`__type`), as servers with it disabled do. */
  introspection?: boolean;
}

/** The stand-in's fixed API key: 40 hex characters like a classic W&B key. */
const API_KEY = createHash('sha1').update('wandb-standin').digest('hex');
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts a STAND-IN for W&B's closed GraphQL server on a free loopback port: graphql-js over
 * node:http, serving `/graphql` with HTTP basic auth (`api:<key>`; 401 on a wrong key, as W&B
 * answers) and deterministic in-memory data shaped like real projects. It is not W&B: it
 * implements the subset of W&B's schema the adapter uses (wandb-standin.graphql), so tests can
 * run without an account. The real server is exercised by the opt-in live test.
 */
export async function startWandbStandin(options: WandbStandinOptions = {}): Promise<WandbStandin> {
  const schema = standinSchema(options.lacksFields ?? []);
  const rules: readonly ValidationRule[] =
    options.introspection === false
      ? [...specifiedRules, NoSchemaIntrospectionCustomRule]
      : specifiedRules;
  const requestCounts = new Map<string, number>();
  let graph: StandinGraph | undefined;
  const server = createServer((req, res) => {
    handle(req, res, { schema, rules }, () => graph!, requestCounts).catch((error: unknown) => {
      send(res, 500, {
        errors: [{ message: error instanceof Error ? error.message : String(error) }],
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const data = generateStandinData(Date.now());
  graph = new StandinGraph(data, url);
  const projects = data.entities
    .find((entity) => entity.name === STANDIN_ENTITY)!
    .projects.filter((project) => project.runs.length > 0)
    .map((project) => project.name);
  return {
    url,
    apiKey: API_KEY,
    entity: STANDIN_ENTITY,
    organization: STANDIN_ORGANIZATION,
    projects,
    runs: STANDIN_FIXED_RUNS,
    requestCounts,
    addProject: (spec) => addProject(graph!, spec),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The stand-in's schema without the fields an older server lacks. */
function standinSchema(lacksFields: readonly string[]): GraphQLSchema {
  const sdl = parse(wandbStandinSchemaSdl());
  const defined = new Set(
    sdl.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION
        ? (d.fields ?? []).map((f) => `${d.name.value}.${f.name.value}`)
        : [],
    ),
  );
  const unknown = lacksFields.filter((field) => !defined.has(field));
  if (unknown.length) throw new Error(`lacksFields names no stand-in field: ${unknown.join(', ')}`);
  const lacking = new Set(lacksFields);
  let typeName = '';
  return buildASTSchema(
    visit(sdl, {
      ObjectTypeDefinition: {
        enter(node) {
          typeName = node.name.value;
        },
      },
      InterfaceTypeDefinition: {
        enter(node) {
          typeName = node.name.value;
        },
      },
      FieldDefinition(node) {
        return lacking.has(`${typeName}.${node.name.value}`) ? null : undefined;
      },
    }),
  );
}

function addProject(
  graph: StandinGraph,
  spec: StandinProjectSpec,
): { entity: string; project: string; runs: string[] } {
  const project = addStandinProject(graph.data, spec);
  return {
    entity: project.entity,
    project: project.name,
    runs: project.runs.map((run) => run.name),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  served: { schema: GraphQLSchema; rules: readonly ValidationRule[] },
  graph: () => StandinGraph,
  requestCounts: Map<string, number>,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/graphql' && path !== '/_standin/projects')
    return send(res, 404, { errors: [{ message: 'not found' }] });
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'method not allowed' }] });
  if (!authorized(req.headers.authorization)) {
    req.resume();
    return send(res, 401, { errors: [{ message: 'user is not logged in' }] });
  }
  const body = await readBody(req);
  if (path === '/_standin/projects') {
    let spec: StandinProjectSpec;
    try {
      spec = JSON.parse(body) as StandinProjectSpec;
    } catch {
      return send(res, 400, { errors: [{ message: 'request body is not JSON' }] });
    }
    if (typeof spec.project !== 'string' || !Array.isArray(spec.runs))
      return send(res, 400, { errors: [{ message: 'project and runs are required' }] });
    return send(res, 200, addProject(graph(), spec));
  }
  let request: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return send(res, 400, { errors: [{ message: 'request body is not JSON' }] });
  }
  if (typeof request.query !== 'string')
    return send(res, 400, { errors: [{ message: 'query is required' }] });
  const operationName =
    typeof request.operationName === 'string' ? request.operationName : undefined;
  const name = operationName ?? 'anonymous';
  requestCounts.set(name, (requestCounts.get(name) ?? 0) + 1);
  const source = request.query;
  let document: ReturnType<typeof parse>;
  try {
    document = parse(source);
  } catch (error) {
    return send(res, 400, { errors: [{ message: (error as Error).message }] });
  }
  // W&B answers a query that fails validation (e.g. a field an older server lacks) with HTTP
  // 400 and the validator's messages; execution errors come with HTTP 200 beside `data`.
  const invalid = validate(served.schema, document, served.rules);
  if (invalid.length > 0) {
    return send(res, 400, {
      errors: invalid.map((error) => ({ message: error.message, locations: error.locations })),
    });
  }
  const result = await graphql({
    schema: served.schema,
    source,
    rootValue: graph().root(),
    variableValues: (request.variables as Record<string, unknown> | undefined) ?? {},
    operationName,
  });
  send(res, 200, result);
}

function authorized(header: string | undefined): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  return decoded === `api:${API_KEY}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, type GraphQLSchema, graphql } from 'graphql';
import {
  generateStandinData,
  STANDIN_ENTITY,
  STANDIN_FIXED_RUNS,
  STANDIN_ORGANIZATION,
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
  stop(): Promise<void>;
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
export async function startWandbStandin(): Promise<WandbStandin> {
  const schema = buildSchema(wandbStandinSchemaSdl());
  const requestCounts = new Map<string, number>();
  let graph: StandinGraph | undefined;
  const server = createServer((req, res) => {
    handle(req, res, schema, () => graph!, requestCounts).catch((error: unknown) => {
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
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  schema: GraphQLSchema,
  graph: () => StandinGraph,
  requestCounts: Map<string, number>,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'method not allowed' }] });
  if (!authorized(req.headers.authorization)) {
    req.resume();
    return send(res, 401, { errors: [{ message: 'user is not logged in' }] });
  }
  const body = await readBody(req);
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
  const result = await graphql({
    schema,
    source: request.query,
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

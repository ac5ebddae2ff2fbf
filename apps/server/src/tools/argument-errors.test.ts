import { createServer } from 'node:net';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../index.js';
import type { ToolErrorPayload } from './error-result.js';

/**
 * Argument errors and unreachable backends as a model sees them: through a real MCP client and
 * the real gateway, with every backend pointed at a local port nothing listens on (argument
 * checks never reach a backend; the refusals are real).
 */

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let gateway: Gateway;
let client: Client;
let port: number;

beforeAll(async () => {
  port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  gateway = createGateway({
    mlflow: { trackingUri: url },
    prefect: { apiUrl: `${url}/api`, source: 'env' },
    wandb: {
      apiKey: 'k'.repeat(40),
      baseUrl: url,
      graphqlUrl: `${url}/graphql`,
      traceServerUrl: `${url}/traces`,
      entity: 'team',
      project: 'proj',
      apiKeySource: 'env',
    },
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await gateway.createServer().connect(serverSide);
  client = new Client({ name: 'argument-errors', version: '1.0.0' });
  await client.connect(clientSide);
});

afterAll(async () => {
  await client?.close();
  await gateway?.close();
});

/** The structured error of a tools/call over MCP (fails if the answer is not one). */
async function errorOf(
  name: string,
  args: Record<string, unknown>,
): Promise<ToolErrorPayload['error']> {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError).toBe(true);
  const text = (result.content as { type: string; text: string }[])[0]?.text ?? '';
  return (JSON.parse(text) as ToolErrorPayload).error;
}

describe('unknown arguments', () => {
  it('refuses query on mlops_search_runs instead of searching everything, listing the valid arguments', async () => {
    const error = await errorOf('mlops_search_runs', { query: 'accuracy > 0.9' });
    expect(error).toMatchObject({
      kind: 'invalid_input',
      field: 'query',
      unknown: ['query'],
      valid: ['experiment', 'status', 'since', 'tag', 'metric', 'orderBy', 'backends', 'limit'],
    });
    expect(error.hint).toContain('Unknown keys are refused, not ignored');
  });

  it('names the closest valid argument', async () => {
    expect((await errorOf('mlops_search_runs', { experiment_name: 'x' })).didYouMean).toEqual({
      experiment_name: 'experiment',
    });
    expect((await errorOf('mlflow_search_runs', { experiment_ids: ['1'] })).didYouMean).toEqual({
      experiment_ids: 'experimentIds',
    });
    expect(
      (await errorOf('mlflow_search_runs', { query: 'metrics.acc > 0.9' })).didYouMean,
    ).toEqual({
      query: 'filter',
    });
    expect((await errorOf('wandb_search_runs', { project_name: 'p' })).didYouMean).toEqual({
      project_name: 'project',
    });
  });

  it('says a flat Prefect filter key belongs under flow_runs', async () => {
    const error = await errorOf('prefect_list_flow_runs', {
      filter: { state: { type: { any_: ['FAILED'] } } },
    });
    expect(error).toMatchObject({
      field: 'filter.state',
      unknown: ['filter.state'],
      didYouMean: { 'filter.state': 'filter.flow_runs.state' },
    });
    expect(error.valid).toContain('flow_runs');
  });

  it('refuses an unknown key inside a nested argument object', async () => {
    const error = await errorOf('mlops_search_runs', { tag: { key: 'a', value: 'b', op: 'eq' } });
    expect(error).toMatchObject({ field: 'tag.op', unknown: ['tag.op'], valid: ['key', 'value'] });
  });

  it('is refused the same way by gateway.callTool', async () => {
    const result = await gateway.callTool('mlops_search_runs', { query: 'x' });
    expect(result.isError).toBe(true);
    const text = (result.content[0] as { text: string }).text;
    expect((JSON.parse(text) as ToolErrorPayload).error.unknown).toEqual(['query']);
  });
});

describe('invalid argument values', () => {
  it('answers with the structured error, not the SDK text, naming every problem', async () => {
    const error = await errorOf('mlflow_search_runs', { limit: 'ten', experimentIds: 5 });
    expect(error.kind).toBe('invalid_input');
    expect(error.message).not.toContain('Input validation error');
    expect(error.issues).toEqual([
      {
        field: 'experimentIds',
        message: 'expected array',
        expected: 'array',
        received: '5',
      },
      { field: 'limit', message: 'expected number', expected: 'number', received: '"ten"' },
    ]);
    expect(error.field).toBe('experimentIds');
    expect(error.hint).toBe('Give experimentIds as array and call again.');
  });

  it('names a missing required argument', async () => {
    const error = await errorOf('mlflow_get_run', {});
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'runId' });
    expect(error.hint).toBe('Add the required argument "runId" and call again.');
  });
});

describe('a backend nothing answers at', () => {
  it.each([
    ['mlflow_search_experiments', {}, 'MLFLOW_TRACKING_URI'],
    ['prefect_list_flow_runs', {}, 'PREFECT_API_URL'],
    ['wandb_search_runs', {}, 'WANDB_BASE_URL'],
    ['wandb_search_traces', {}, 'WF_TRACE_SERVER_URL'],
  ])('%s names the URL setting to check and mlops-mcp doctor', async (tool, args, setting) => {
    const error = await errorOf(tool, args);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.hint).toContain(`fix ${setting}`);
    expect(error.hint).toContain('`mlops-mcp doctor`');
  });
});

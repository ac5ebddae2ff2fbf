import { freePort, startWandbStandin, type WandbStandin } from '@mlops-mcp/testkit';
import { sharedMlflow, sharedPrefect } from '@mlops-mcp/testkit/vitest';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { Client, InMemoryTransport, ProtocolErrorCode } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway, type GatewayConfigInput } from '../src/index.js';

// The run's shared, seeded MLflow and Prefect servers (test/global-setup.ts); the W&B stand-in
// is this file's own, as the tests read its fixed runs and projects.
const { url: mlflowUrl, seed: mlflowSeed } = sharedMlflow();
const { url: prefectUrl, seed: prefectSeed } = sharedPrefect();
let wandb: WandbStandin;
const gateways: Gateway[] = [];
const clients: Client[] = [];

/** An MCP client on a gateway server, which registers the resources itself. */
async function connect(config: GatewayConfigInput): Promise<{ client: Client; gateway: Gateway }> {
  const gateway = createGateway(config);
  gateways.push(gateway);
  const server = gateway.createServer();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'resources-test', version: '1.0.0' });
  await client.connect(clientSide);
  clients.push(client);
  return { client, gateway };
}

function wandbSettings() {
  return wandbSettingsFromEnv({ WANDB_API_KEY: wandb.apiKey, WANDB_BASE_URL: wandb.url });
}

let client: Client;

beforeAll(async () => {
  wandb = await startWandbStandin();
  ({ client } = await connect({
    mlflow: { trackingUri: mlflowUrl },
    prefect: { apiUrl: prefectUrl, source: 'env' },
    wandb: wandbSettings(),
    // Every tool listed, so each test can fetch a ref with the tool that returns it.
    toolsets: ['all'],
  }));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(gateways.map((g) => g.close()));
  await wandb?.stop();
});

async function refUri(name: string, args: Record<string, unknown>): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  const content = result.structuredContent as {
    ref?: { uri: string };
    items?: { ref: { uri: string } }[];
  };
  const uri = content.ref?.uri ?? content.items?.[0]?.ref.uri;
  if (!uri) throw new Error(`${name} returned no ref.uri`);
  return uri;
}

async function readJson(uri: string): Promise<Record<string, unknown>> {
  const result = await client.readResource({ uri });
  const [content] = result.contents;
  expect(content).toMatchObject({ uri, mimeType: 'application/json' });
  return JSON.parse((content as { text: string }).text) as Record<string, unknown>;
}

describe('resource templates', () => {
  it('lists a URI template for every entity of the enabled backends', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(
      [
        'mlflow://experiments/{experimentId}',
        'mlflow://registered-models/{name}',
        'mlflow://runs/{runId}',
        'mlflow://traces/{traceId}',
        'prefect://deployments/{deploymentId}',
        'prefect://flow-runs/{flowRunId}',
        'wandb://{entity}/{project}/runs/{runId}',
        'wandb://{entity}/{project}/traces/{traceId}',
      ].sort(),
    );
    for (const template of resourceTemplates) expect(template.mimeType).toBe('application/json');
  });

  it('registers only the templates of enabled backends', async () => {
    const { client: mlflowOnly } = await connect({ mlflow: { trackingUri: mlflowUrl } });
    const { resourceTemplates } = await mlflowOnly.listResourceTemplates();
    const schemes = new Set(resourceTemplates.map((t) => t.uriTemplate.split(':')[0]));
    expect([...schemes]).toEqual(['mlflow']);
  });

  it('serves entities whose read tool is outside the listed toolsets', async () => {
    const { client: runsOnly, gateway } = await connect({
      mlflow: { trackingUri: mlflowUrl },
      toolsets: ['runs'],
    });
    expect(gateway.tools.map((tool) => tool.name)).not.toContain('mlflow_get_experiment');
    const experiment = mlflowSeed.experiments[0]!;
    const read = await runsOnly.readResource({ uri: `mlflow://experiments/${experiment.id}` });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({
      id: experiment.id,
    });
  });

  it('registers no template whose read tool is excluded', async () => {
    const { client: noRuns } = await connect({
      mlflow: { trackingUri: mlflowUrl },
      excludeTools: ['mlflow_get_run'],
    });
    const { resourceTemplates } = await noRuns.listResourceTemplates();
    const templates = resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).not.toContain('mlflow://runs/{runId}');
    expect(templates).toContain('mlflow://experiments/{experimentId}');
  });
});

describe('reading refs as resources', () => {
  it('reads back the run a mlflow_search_runs ref.uri points at', async () => {
    const run = mlflowSeed.runs[0]!;
    const uri = await refUri('mlflow_search_runs', {
      experimentIds: [run.experimentId],
      filter: `attributes.run_id = '${run.id}'`,
    });
    expect(uri).toBe(`mlflow://runs/${run.id}`);
    const body = await readJson(uri);
    expect(body).toMatchObject({ id: run.id, name: run.name, experimentId: run.experimentId });
  });

  it('reads an MLflow experiment ref', async () => {
    const experiment = mlflowSeed.experiments[0]!;
    const uri = await refUri('mlflow_get_experiment_by_name', { name: experiment.name });
    expect(await readJson(uri)).toMatchObject({ id: experiment.id, name: experiment.name });
  });

  it('reads an MLflow trace ref with its error', async () => {
    const traces = mlflowSeed.extras.traces as { errorTraceId: string; errorMessage: string };
    const uri = await refUri('mlflow_get_trace_info', { traceId: traces.errorTraceId });
    const body = await readJson(uri);
    expect(JSON.stringify(body)).toContain(traces.errorMessage);
  });

  it('reads an MLflow registered model ref', async () => {
    const uri = await refUri('mlflow_get_registered_model', { name: mlflowSeed.registeredModel });
    expect(await readJson(uri)).toMatchObject({ name: mlflowSeed.registeredModel });
  });

  it('reads a W&B run ref', async () => {
    const uri = await refUri('wandb_get_run', {
      run: wandb.runs.healthyA,
      entity: wandb.entity,
      project: wandb.projects[0],
    });
    expect(uri).toBe(`wandb://${wandb.entity}/${wandb.projects[0]}/runs/${wandb.runs.healthyA}`);
    expect(await readJson(uri)).toMatchObject({ id: wandb.runs.healthyA, entity: wandb.entity });
  });

  it('reads a Prefect flow run ref with its state message', async () => {
    const uri = await refUri('prefect_get_flow_run', { flowRunId: prefectSeed.flowRuns.failed });
    expect(uri).toBe(`prefect://flow-runs/${prefectSeed.flowRuns.failed}`);
    const body = await readJson(uri);
    expect(JSON.stringify(body)).toContain(prefectSeed.failedMessage);
  });

  it('reads a Prefect deployment ref', async () => {
    const uri = await refUri('prefect_get_deployment', { deployment: 'nightly-etl/prod' });
    expect(await readJson(uri)).toMatchObject({ id: prefectSeed.deployments['nightly-etl/prod'] });
  });
});

describe('resource errors', () => {
  it('answers an unknown MLflow run id with resource-not-found naming the URI', async () => {
    const uri = `mlflow://runs/${'0'.repeat(32)}`;
    const error = await client.readResource({ uri }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
    expect((error as Error).message).toContain(`Resource not found: ${uri}`);
  });

  it('answers an unknown Prefect flow run id with resource-not-found', async () => {
    const uri = 'prefect://flow-runs/00000000-0000-4000-8000-000000000000';
    const error = await client.readResource({ uri }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
    expect((error as Error).message).toContain(`Resource not found: ${uri}`);
  });

  it('says why a malformed id is not found', async () => {
    const uri = 'mlflow://runs/not-a-run-id';
    const error = await client.readResource({ uri }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
    expect((error as Error).message).toMatch(
      /Resource not found: mlflow:\/\/runs\/not-a-run-id\. .*run/i,
    );
  });

  it('answers a URI no template matches with resource-not-found', async () => {
    const error = await client.readResource({ uri: 'mlflow://nothing/1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
  });
});

describe('resources/list and the overview', () => {
  it('lists the overview and the latest MLflow runs and Prefect flow runs', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('mlops://overview');
    const runs = uris.filter((uri) => uri.startsWith('mlflow://runs/'));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThanOrEqual(10);
    expect(uris.some((uri) => uri.startsWith('prefect://flow-runs/'))).toBe(true);
  });

  it('shows every enabled backend reachable with a version in the overview', async () => {
    const body = (await readJson('mlops://overview')) as {
      backends: { backend: string; reachable: boolean; version?: string }[];
    };
    expect(body.backends.map((b) => b.backend).sort()).toEqual(['mlflow', 'prefect', 'wandb']);
    for (const backend of body.backends) {
      expect(backend).toMatchObject({ reachable: true, version: expect.any(String) });
    }
  });

  it('keeps listing the other backends when one is down, and the overview says which', async () => {
    const deadPrefect = `http://127.0.0.1:${await freePort()}/api`;
    const { client: partial } = await connect({
      mlflow: { trackingUri: mlflowUrl },
      prefect: { apiUrl: deadPrefect, source: 'env' },
    });
    const { resources } = await partial.listResources();
    expect(resources.some((r) => r.uri.startsWith('mlflow://runs/'))).toBe(true);
    expect(resources.some((r) => r.uri.startsWith('prefect://'))).toBe(false);
    const read = await partial.readResource({ uri: 'mlops://overview' });
    const body = JSON.parse((read.contents[0] as { text: string }).text) as {
      backends: { backend: string; reachable: boolean }[];
    };
    expect(body.backends.find((b) => b.backend === 'prefect')).toMatchObject({ reachable: false });
  });
});

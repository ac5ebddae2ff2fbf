import type { AnyToolDefinition } from '@mlops-mcp/core';
import { freePort, startWandbStandin, type WandbStandin } from '@mlops-mcp/testkit';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { Client, InMemoryTransport, ProtocolErrorCode } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway, type GatewayConfigInput } from '../src/index.js';
import { registerPrompts } from '../src/prompts/register-prompts.js';

// The run's shared MLflow server (test/global-setup.ts).
const mlflowUrl = sharedMlflow().url;
let wandb: WandbStandin;
/** A Prefect URL nothing listens on: prompts never call a backend, they only name tools. */
let unusedPrefectUrl: string;
const gateways: Gateway[] = [];
const clients: Client[] = [];

interface Connected {
  client: Client;
  gateway: Gateway;
  tools: readonly AnyToolDefinition[];
}

/**
 * An MCP client on a gateway server (which registers the prompts itself); with `without`, on a
 * bare server whose prompts see those tools hidden, the way excludeTools would hide them without
 * failing when one is not built in.
 */
async function connect(config: GatewayConfigInput, without: string[] = []): Promise<Connected> {
  const gateway = createGateway(config);
  gateways.push(gateway);
  const tools = gateway.tools.filter((tool) => !without.includes(tool.name));
  let server: McpServer;
  if (without.length === 0) {
    server = gateway.createServer();
  } else {
    server = new McpServer(
      { name: 'prompts-only', version: '0.0.0' },
      { capabilities: { prompts: {} } },
    );
    registerPrompts(server, { tools, readOnly: gateway.config.readOnly });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'prompts-test', version: '1.0.0' });
  await client.connect(clientSide);
  clients.push(client);
  return { client, gateway, tools };
}

/** Every backend; every tool listed unless `toolsets` says otherwise (undefined: the default profile). */
function allBackends(
  readOnly: boolean,
  toolsets: string[] | undefined = ['all'],
): GatewayConfigInput {
  return {
    ...(toolsets ? { toolsets } : {}),
    mlflow: { trackingUri: mlflowUrl },
    wandb: wandbSettingsFromEnv({
      WANDB_API_KEY: wandb.apiKey,
      WANDB_BASE_URL: wandb.url,
      WANDB_ENTITY: wandb.entity,
      WANDB_PROJECT: wandb.projects[0]!,
    }),
    prefect: { apiUrl: unusedPrefectUrl, source: 'env' },
    readOnly,
  };
}

async function promptText(
  client: Client,
  name: string,
  args: Record<string, string>,
): Promise<string> {
  const result = await client.getPrompt({ name, arguments: args });
  expect(result.messages).toHaveLength(1);
  const content = result.messages[0]!.content;
  if (content.type !== 'text') throw new Error(`${name} returned ${content.type} content`);
  return content.text;
}

interface Step {
  tool: string;
  args: Record<string, unknown>;
  /** No `<...>` value from an earlier result: runnable as written. */
  concrete: boolean;
}

/** The tool calls a prompt prescribes, as rendered: "   Call `<tool>` with <JSON>". */
function stepsOf(text: string): Step[] {
  return [...text.matchAll(/^ {3}Call `([a-z0-9_]+)` with (.+)$/gm)].map((match) => ({
    tool: match[1]!,
    args: JSON.parse(match[2]!) as Record<string, unknown>,
    concrete: !match[2]!.includes('<'),
  }));
}

function toolNamesIn(text: string): string[] {
  return [...new Set(text.match(/\b(?:mlflow|wandb|prefect|mlops)_[a-z0-9_]+/g) ?? [])];
}

/** One prompts/get per workflow and backend, with every argument the workflow takes. */
function everyWorkflow(): { name: string; args: Record<string, string> }[] {
  const wandbProject = `${wandb.entity}/${wandb.projects[0]}`;
  return [
    { name: 'what_failed_overnight', args: { window: '12h' } },
    { name: 'debug_failed_traces', args: { backend: 'mlflow', experiment: '0', window: '2d' } },
    { name: 'debug_failed_traces', args: { backend: 'mlflow', experiment: 'Default' } },
    { name: 'debug_failed_traces', args: { backend: 'wandb', experiment: wandbProject } },
    {
      name: 'compare_top_runs',
      args: { backend: 'mlflow', experiment: '0', metric: 'eval/accuracy', direction: 'desc' },
    },
    {
      name: 'compare_top_runs',
      args: {
        backend: 'wandb',
        experiment: wandbProject,
        metric: 'loss',
        direction: 'asc',
        n: '3',
      },
    },
    {
      name: 'promote_best_run',
      args: { experiment: '0', metric: 'val_loss', direction: 'asc', model: 'demo-model' },
    },
    { name: 'diagnose_late_flow_runs', args: { deployment: 'nightly-etl/prod', workPool: 'gpu' } },
  ];
}

let full: Connected;
/** The same backends with the tools listed when the user names none. */
let unnamed: Connected;

beforeAll(async () => {
  wandb = await startWandbStandin();
  unusedPrefectUrl = `http://127.0.0.1:${await freePort()}/api`;
  full = await connect(allBackends(false));
  unnamed = await connect(allBackends(false, undefined));
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(gateways.map((g) => g.close()));
  await wandb?.stop();
});

describe('prompts/list', () => {
  it('lists the five workflows when every backend is enabled', async () => {
    const { prompts } = await full.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual([
      'compare_top_runs',
      'debug_failed_traces',
      'diagnose_late_flow_runs',
      'promote_best_run',
      'what_failed_overnight',
    ]);
  });

  it('asks for the backend when several can answer and defaults the window', async () => {
    const { prompts } = await full.client.listPrompts();
    const debug = prompts.find((p) => p.name === 'debug_failed_traces')!;
    expect(debug.arguments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'backend', required: true }),
        expect.objectContaining({ name: 'experiment', required: false }),
        expect.objectContaining({ name: 'window', required: false }),
      ]),
    );
  });

  it('leaves out the prompts of disabled backends', async () => {
    const { client: mlflowOnly } = await connect({ mlflow: { trackingUri: mlflowUrl } });
    const mlflowPrompts = (await mlflowOnly.listPrompts()).prompts.map((p) => p.name).sort();
    expect(mlflowPrompts).toEqual([
      'compare_top_runs',
      'debug_failed_traces',
      'promote_best_run',
      'what_failed_overnight',
    ]);
    const { client: prefectOnly } = await connect({
      prefect: { apiUrl: unusedPrefectUrl, source: 'env' },
    });
    const prefectPrompts = (await prefectOnly.listPrompts()).prompts.map((p) => p.name).sort();
    expect(prefectPrompts).toEqual(['diagnose_late_flow_runs', 'what_failed_overnight']);
  });

  it('offers only enabled backends as choices and defaults to the only one', async () => {
    const { client: mlflowOnly } = await connect({ mlflow: { trackingUri: mlflowUrl } });
    const { prompts } = await mlflowOnly.listPrompts();
    const backend = prompts
      .find((p) => p.name === 'compare_top_runs')!
      .arguments!.find((a) => a.name === 'backend');
    expect(backend).toMatchObject({ required: false });
    const text = await promptText(mlflowOnly, 'compare_top_runs', {
      metric: 'loss',
      direction: 'asc',
    });
    expect(stepsOf(text)[0]?.tool).toBe('mlflow_search_runs');
    expect(toolNamesIn(text).filter((name) => name.startsWith('wandb_'))).toEqual([]);
    const refused = await mlflowOnly
      .getPrompt({
        name: 'compare_top_runs',
        arguments: { backend: 'wandb', metric: 'loss', direction: 'asc' },
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
  });
});

describe('prompts/get', () => {
  it.each([
    ['every tool listed', () => full],
    ['the tools listed when none are named', () => unnamed],
  ])('names only listed tools, with inputs those tools declare (%s)', async (_, gateway) => {
    const { client, tools } = gateway();
    const known = new Map(tools.map((tool) => [tool.name, tool]));
    for (const { name, args } of everyWorkflow()) {
      const text = await promptText(client, name, args);
      const steps = stepsOf(text);
      expect(steps.length, name).toBeGreaterThan(1);
      for (const tool of toolNamesIn(text)) expect(known.has(tool), `${name}: ${tool}`).toBe(true);
      for (const step of steps) {
        const shape = known.get(step.tool)!.inputSchema.shape as Record<string, unknown>;
        for (const key of Object.keys(step.args)) {
          expect(key in shape, `${name}: ${step.tool}.${key}`).toBe(true);
        }
        if (step.concrete) {
          const parsed = known.get(step.tool)!.inputSchema.safeParse(step.args);
          expect(parsed.success, `${name}: ${step.tool} ${JSON.stringify(step.args)}`).toBe(true);
        }
      }
    }
  });

  it('prescribes MLflow and W&B run steps the real backends accept as written', async () => {
    // Without the cross-backend tool, what_failed_overnight spells out each backend's filters.
    const perBackend = await connect({
      ...allBackends(false),
      excludeTools: ['mlops_what_failed'],
    });
    const ran: string[] = [];
    for (const gateway of [full, perBackend]) {
      for (const { name, args } of everyWorkflow()) {
        const steps = stepsOf(await promptText(gateway.client, name, args));
        for (const step of steps) {
          const tool = gateway.tools.find((candidate) => candidate.name === step.tool);
          const onLiveBackend =
            step.tool.startsWith('mlflow_') || step.tool === 'wandb_search_runs';
          // Reads only: a prompt's writes wait for the user's confirmation.
          if (!step.concrete || !onLiveBackend || tool?.access !== 'read') continue;
          const result = await gateway.gateway.callTool(step.tool, step.args);
          const text = (result.content[0] as { text: string }).text;
          // An empty MLflow may have nothing to find; what must not happen is a rejected input.
          const kind = result.isError ? JSON.parse(text).error.kind : 'ok';
          expect(['ok', 'not_found'], `${name}: ${step.tool} → ${text}`).toContain(kind);
          ran.push(`${name}:${step.tool}`);
        }
      }
    }
    expect(ran).toEqual(
      expect.arrayContaining([
        'debug_failed_traces:mlflow_search_traces',
        'compare_top_runs:mlflow_search_runs',
        'compare_top_runs:wandb_search_runs',
        'promote_best_run:mlflow_get_best_run',
        'what_failed_overnight:mlflow_search_runs',
        'what_failed_overnight:mlflow_search_traces',
        'what_failed_overnight:wandb_search_runs',
      ]),
    );
  });

  it('fills the arguments into the tool inputs', async () => {
    const text = await promptText(full.client, 'compare_top_runs', {
      backend: 'mlflow',
      experiment: '7',
      metric: 'val_loss',
      direction: 'asc',
      n: '3',
    });
    expect(stepsOf(text)[0]).toEqual({
      tool: 'mlflow_search_runs',
      args: {
        experimentIds: ['7'],
        orderBy: ['metrics.val_loss ASC'],
        limit: 3,
        fields: ['name', 'status', 'experimentId', 'metrics.val_loss'],
      },
      concrete: true,
    });
  });

  it('looks an experiment given by name up by search when get-by-name is not listed', async () => {
    const { client } = await connect(allBackends(true), ['mlflow_get_experiment_by_name']);
    const text = await promptText(client, 'debug_failed_traces', {
      backend: 'mlflow',
      experiment: 'llama-finetune',
    });
    expect(stepsOf(text)[0]).toMatchObject({
      tool: 'mlflow_search_experiments',
      args: { filter: "name = 'llama-finetune'" },
    });
  });

  it('looks an experiment given by name up before searching it', async () => {
    const text = await promptText(full.client, 'debug_failed_traces', {
      backend: 'mlflow',
      experiment: 'llama-finetune',
    });
    const [lookup, search] = stepsOf(text);
    expect(lookup).toMatchObject({
      tool: 'mlflow_get_experiment_by_name',
      args: { name: 'llama-finetune' },
    });
    expect(search).toMatchObject({
      tool: 'mlflow_search_traces',
      args: { experimentIds: ['<id of experiment "llama-finetune">'] },
    });
  });

  it('turns the window into the start time of every backend filter', async () => {
    const before = Date.now();
    const { client } = await connect({
      ...allBackends(true),
      excludeTools: ['mlops_what_failed'],
    });
    const text = await promptText(client, 'what_failed_overnight', { window: '90m' });
    const after = Date.now();
    const span = 90 * 60_000;
    const steps = stepsOf(text);
    const runs = steps.find((s) => s.tool === 'mlflow_search_runs')!;
    const millis = Number(/start_time > (\d+)/.exec(String(runs.args.filter))![1]);
    expect(millis).toBeGreaterThanOrEqual(before - span);
    expect(millis).toBeLessThanOrEqual(after - span);
    const flowRuns = steps.find((s) => s.tool === 'prefect_list_flow_runs')!;
    expect(Date.parse(String(flowRuns.args.since))).toBe(millis);
  });

  it('rejects a window that is neither a duration nor a time', async () => {
    const error = await full.client
      .getPrompt({ name: 'what_failed_overnight', arguments: { window: 'yesterday' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ProtocolErrorCode.InvalidParams });
    expect((error as Error).message).toContain('window');
  });

  it('falls back to the next listed tool when a step tool is not listed', async () => {
    const { client } = await connect({
      mlflow: { trackingUri: mlflowUrl },
      toolsets: ['all'],
      excludeTools: ['mlflow_get_metric_histories'],
    });
    const text = await promptText(client, 'compare_top_runs', {
      metric: 'loss',
      direction: 'asc',
    });
    expect(toolNamesIn(text)).not.toContain('mlflow_get_metric_histories');
    expect(stepsOf(text).map((s) => s.tool)).toEqual([
      'mlflow_search_runs',
      'mlflow_compare_runs',
      'mlflow_get_metric_history',
    ]);
  });

  it('drops a read step when no tool for it is listed', async () => {
    const { client } = await connect({
      ...allBackends(true),
      excludeTools: ['wandb_get_call'],
    });
    const text = await promptText(client, 'debug_failed_traces', { backend: 'wandb' });
    expect(stepsOf(text).map((s) => s.tool)).toEqual([
      'wandb_summarize_traces',
      'wandb_search_traces',
      'wandb_get_trace',
    ]);
  });

  it('uses the cross-backend tools for what failed when the gateway has them', async () => {
    const steps = stepsOf(await promptText(full.client, 'what_failed_overnight', { window: '8h' }));
    expect(steps.slice(0, 2)).toEqual([
      { tool: 'mlops_overview', args: {}, concrete: true },
      { tool: 'mlops_what_failed', args: { since: '8h' }, concrete: true },
    ]);
    expect(steps.map((s) => s.tool)).not.toContain('mlflow_search_runs');
    // Failures are then explained per backend, e.g. the failed Prefect flow runs.
    expect(steps.slice(2).some((s) => s.tool.startsWith('prefect_'))).toBe(true);
  });

  it('checks pools, limits and slot holders one by one without a late-run diagnosis tool', async () => {
    const { client } = await connect(allBackends(true), ['prefect_diagnose_late_runs']);
    const text = await promptText(client, 'diagnose_late_flow_runs', {
      deployment: 'nightly-etl/prod',
      window: '6h',
    });
    expect(stepsOf(text).map((s) => [s.tool, s.args.deployments ?? s.args.deployment])).toEqual([
      ['prefect_list_flow_runs', ['nightly-etl/prod']],
      ['prefect_get_deployment', 'nightly-etl/prod'],
      ['prefect_get_work_pool', undefined],
      ['prefect_list_concurrency_limits', undefined],
      ['prefect_list_flow_runs', undefined],
      ['prefect_get_overview', undefined],
    ]);
  });
});

describe('promote_best_run on a read-only gateway', () => {
  it('reminds that the registry writes need MLOPS_MCP_READ_ONLY=false', async () => {
    const { client } = await connect({ mlflow: { trackingUri: mlflowUrl }, toolsets: ['all'] });
    const text = await promptText(client, 'promote_best_run', {
      metric: 'val_loss',
      direction: 'asc',
      model: 'demo-model',
    });
    expect(text).toContain('This gateway is read-only now');
    const writeLines = text.split('\n').filter((line) => line.includes('(write tool:'));
    expect(writeLines).toHaveLength(3);
    for (const line of writeLines) expect(line).toContain('MLOPS_MCP_READ_ONLY=false');
    expect(stepsOf(text).map((s) => s.tool)).toEqual([
      'mlflow_get_best_run',
      'mlflow_list_artifacts',
      'mlflow_search_model_versions',
      'mlflow_get_registered_model',
      'mlflow_create_registered_model',
      'mlflow_create_model_version',
      'mlflow_set_registered_model_alias',
      'mlflow_get_model_version_by_alias',
    ]);
  });
});

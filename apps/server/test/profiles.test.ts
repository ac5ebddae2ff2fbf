import { estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import { toolVisibleTokens } from '../src/docs/tool-cost.js';
import { createGateway, loadConfig } from '../src/index.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { selectTools } from '../src/tools/select-tools.js';

/**
 * Contract of the tool profiles with every backend enabled (issue 13). What a model reads of a
 * tool (name, description, input schema; chars / 4) must stay small: the default profile within
 * 4,000 tokens and its whole tools/list answer within 6,000, every tool of the catalog within
 * 18,000, the median tool within 100 — while the full catalog stays one toolset away.
 */
const BUDGET = {
  defaultVisible: 4_000,
  defaultToolsList: 6_000,
  catalogVisible: 18_000,
  medianVisible: 100,
};
const known = allTools();
const enabled = new Set(['mlops', 'mlflow', 'wandb', 'prefect']);
const visible = (names: readonly string[]) =>
  known
    .filter((tool) => names.includes(tool.name))
    .reduce((sum, tool) => sum + toolVisibleTokens(tool), 0);
const UNUSED = 'http://127.0.0.1:9';
const gateway = createGateway(
  loadConfig([], {
    MLFLOW_TRACKING_URI: UNUSED,
    PREFECT_API_URL: `${UNUSED}/api`,
    WANDB_API_KEY: 'test-key-0123456789',
    WANDB_BASE_URL: UNUSED,
    WF_TRACE_SERVER_URL: UNUSED,
  }).config,
);

afterAll(() => gateway.close());

/** The default profile's tools/list result as an MCP client receives it, in estimated tokens. */
async function defaultToolsListTokens(): Promise<number> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = gateway.createServer();
  await server.connect(serverSide);
  const client = new Client({ name: 'profiles-test', version: '1.0.0' });
  await client.connect(clientSide);
  try {
    return estimateTokens(toCompactJson(await client.listTools()));
  } finally {
    await client.close();
    await server.close();
  }
}
const select = (options: { toolsets?: string[]; readOnly?: boolean }) =>
  selectTools({
    known,
    enabled,
    excludeTools: [],
    readOnly: options.readOnly ?? true,
    toolsets: options.toolsets,
    defaultProfile: DEFAULT_PROFILE,
  }).map((tool) => tool.name);

describe('tool profiles with every backend enabled', () => {
  it('names only existing read tools in the default profile', () => {
    for (const name of DEFAULT_PROFILE) {
      const tool = known.find((candidate) => candidate.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.access, name).toBe('read');
    }
  });

  it('lists exactly the default profile when nothing is named', () => {
    expect(select({})).toEqual(
      known.filter((tool) => DEFAULT_PROFILE.includes(tool.name)).map((tool) => tool.name),
    );
  });

  it(`keeps the default profile within ${BUDGET.defaultVisible} model-visible tokens`, () => {
    expect(visible(select({}))).toBeLessThanOrEqual(BUDGET.defaultVisible);
  });

  it(`keeps the default profile's tools/list answer within ${BUDGET.defaultToolsList} tokens`, async () => {
    expect(gateway.tools.map((tool) => tool.name)).toEqual(select({}));
    expect(await defaultToolsListTokens()).toBeLessThanOrEqual(BUDGET.defaultToolsList);
  });

  it(`keeps the whole catalog within ${BUDGET.catalogVisible} model-visible tokens`, () => {
    expect(visible(known.map((tool) => tool.name))).toBeLessThanOrEqual(BUDGET.catalogVisible);
  });

  it(`keeps the median tool within ${BUDGET.medianVisible} model-visible tokens`, () => {
    const sorted = known.map(toolVisibleTokens).sort((a, b) => a - b);
    expect(sorted[Math.floor((sorted.length - 1) / 2)]).toBeLessThanOrEqual(BUDGET.medianVisible);
  });

  it('covers every backend and the cross-backend tools in the default profile', () => {
    const namespaces = new Set(
      known.filter((tool) => select({}).includes(tool.name)).map((tool) => tool.namespace),
    );
    expect([...namespaces].sort()).toEqual(['mlflow', 'mlops', 'prefect', 'wandb']);
  });

  it('adds an area to the default profile with default,<area>', () => {
    const charts = known
      .filter((tool) => tool.toolsets.includes('charts'))
      .map((tool) => tool.name);
    expect(charts.length).toBeGreaterThan(0);
    expect(select({ toolsets: ['default', 'charts'] })).toEqual(
      known
        .filter((tool) => DEFAULT_PROFILE.includes(tool.name) || charts.includes(tool.name))
        .map((tool) => tool.name),
    );
  });

  it('says once, in its instructions, the conventions tools share and how to list more tools', async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = gateway.createServer();
    await server.connect(serverSide);
    const client = new Client({ name: 'profiles-test', version: '1.0.0' });
    await client.connect(clientSide);
    const instructions = client.getInstructions() ?? '';
    await client.close();
    await server.close();
    for (const convention of ['nextCursor', 'truncated', 'caveats', 'didYouMean', 'WANDB_ENTITY']) {
      expect(instructions).toContain(convention);
    }
    expect(instructions).toMatch(/MLOPS_MCP_TOOLSETS=all/);
  });

  it('lists every read tool with the all toolset', () => {
    expect(select({ toolsets: ['all'] })).toEqual(
      known.filter((tool) => tool.access === 'read').map((tool) => tool.name),
    );
  });

  it('lists every tool with the all toolset once writes are enabled', () => {
    expect(select({ toolsets: ['all'], readOnly: false })).toHaveLength(known.length);
  });
});

/** The code toolset's budget: what a model reads of it (name, description, input schema). */
const CODE_TOOLSET_BUDGET = 1_500;

describe('the code toolset', () => {
  const code = select({ toolsets: ['code'] });

  it('is just mlops_execute and mlops_api', () => {
    expect(code).toEqual(['mlops_execute', 'mlops_api']);
  });

  it(`costs at most ${CODE_TOOLSET_BUDGET} model-visible tokens`, () => {
    expect(visible(code)).toBeLessThanOrEqual(CODE_TOOLSET_BUDGET);
  });

  it('is not in the default profile', () => {
    expect(select({})).not.toContain('mlops_execute');
  });
});

import type { BackendAdapter, BackendId } from '@mlops-mcp/core';
import {
  type RunningWeaveServer,
  runTool,
  startWandbStandin,
  startWeaveServer,
  type WandbStandin,
} from '@mlops-mcp/testkit';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossSearchRunsTool } from './tools/search-runs.js';
import { whatFailedTool } from './tools/what-failed.js';

/**
 * A W&B server that cannot list projects (its schema lacks Entity.projects), and a real Weave
 * trace server (mlops_what_failed also asks Weave for error traces of WANDB_PROJECT).
 */
let standin: WandbStandin;
let weave: RunningWeaveServer;
let wandb: WandbAdapter;

beforeAll(async () => {
  standin = await startWandbStandin({ lacksFields: ['Entity.projects'] });
  weave = await startWeaveServer({ env: { WEAVE_TEST_API_KEY: standin.apiKey } });
  wandb = createWandbAdapter(
    wandbSettingsFromEnv({
      WANDB_API_KEY: standin.apiKey,
      WANDB_BASE_URL: standin.url,
      WF_TRACE_SERVER_URL: weave.url,
      WANDB_ENTITY: standin.entity,
      WANDB_PROJECT: 'rl-agents',
    })!,
  );
});

afterAll(async () => {
  await wandb?.close();
  await Promise.all([standin?.stop(), weave?.stop()]);
});

const context = () => ({
  adapters: new Map<BackendId, BackendAdapter>([['wandb', wandb]]),
});

describe('mlops_search_runs when listing W&B projects fails', () => {
  it('searches WANDB_PROJECT and says that listing projects failed', async () => {
    const result = await runTool(crossSearchRunsTool, context(), {
      status: ['failed'],
      since: '2020-01-01T00:00:00Z',
      limit: 200,
    });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((run) => run.uri.includes('/rl-agents/'))).toBe(true);
    expect(result.searched.wandb).toMatchObject({ scopes: 1 });
    expect(result.caveats).toEqual([
      {
        backend: 'wandb',
        kind: 'partial',
        message: expect.stringMatching(
          /^Listing wandb projects failed \(.*Cannot query field "projects" on type "Entity".*\); searched only the default project acme-ml\/rl-agents\.$/,
        ),
      },
    ]);
  });

  it('searches nothing when the name fragment does not match WANDB_PROJECT, and says so', async () => {
    const result = await runTool(crossSearchRunsTool, context(), {
      experiment: 'vision',
      since: '2020-01-01T00:00:00Z',
    });
    expect(result.items).toEqual([]);
    expect(result.caveats[0]?.message).toContain('which does not match "vision"');
  });
});

describe('mlops_what_failed when listing W&B projects fails', () => {
  it('lists the failed runs of WANDB_PROJECT and says that listing projects failed', async () => {
    const result = await runTool(whatFailedTool, context(), {
      since: '2020-01-01T00:00:00Z',
      limit: 200,
    });
    const runs = result.items.filter((item) => item.kind === 'run');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((item) => item.uri.includes('/rl-agents/'))).toBe(true);
    expect(result.caveats).toEqual([
      expect.objectContaining({
        backend: 'wandb',
        kind: 'partial',
        message: expect.stringContaining('searched only the default project acme-ml/rl-agents'),
      }),
    ]);
  });
});

import type { BackendAdapter, BackendId } from '@mlops-mcp/core';
import { runTool, startWandbStandin, type WandbStandin } from '@mlops-mcp/testkit';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '@mlops-mcp/wandb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossSearchRunsTool } from './tools/search-runs.js';

/** A W&B server that cannot list projects (its schema lacks Entity.projects). */
let standin: WandbStandin;
let wandb: WandbAdapter;

beforeAll(async () => {
  standin = await startWandbStandin({ lacksFields: ['Entity.projects'] });
  wandb = createWandbAdapter(
    wandbSettingsFromEnv({
      WANDB_API_KEY: standin.apiKey,
      WANDB_BASE_URL: standin.url,
      WANDB_PROJECT: 'rl-agents',
    })!,
  );
});

afterAll(async () => {
  await wandb?.close();
  await standin?.stop();
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

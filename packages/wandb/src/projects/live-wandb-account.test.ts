import { runTool } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '../index.js';
import { getViewerTool } from './get-viewer.js';
import { listProjectsTool } from './list-projects.js';

/**
 * Opt-in, read-only checks against the real W&B (WANDB_API_KEY, WANDB_BASE_URL, WANDB_ENTITY as
 * the SDK reads them). Not coverage: the stand-in suites are.
 */
describe.skipIf(!process.env.WANDB_API_KEY)('live W&B (read-only)', () => {
  let wandb: WandbAdapter;

  beforeAll(() => {
    const settings = wandbSettingsFromEnv(process.env);
    if (!settings) throw new Error('WANDB_API_KEY is set but no settings were read');
    wandb = createWandbAdapter(settings);
  });

  afterAll(async () => {
    await wandb?.close();
  });

  it('answers the viewer query with a username', async () => {
    const viewer = await runTool(getViewerTool, wandb, {});
    expect(viewer.username).toBeTruthy();
  });

  it('lists the projects of the default entity', async () => {
    const result = await runTool(listProjectsTool, wandb, { limit: 5 });
    expect(result.entity).toBeTruthy();
    expect(Array.isArray(result.items)).toBe(true);
  });
});

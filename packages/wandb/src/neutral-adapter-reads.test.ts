import { MlopsError, requireCapability } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../test/standin-adapter.js';
import { wandbRunTools, wandbTools } from './index.js';

const { wandb } = await useStandinAdapter();

describe('the W&B adapter', () => {
  it('reports itself healthy and authenticated through the viewer query', async () => {
    const health = await wandb.checkHealth();
    expect(health).toMatchObject({ reachable: true, authenticated: true });
    expect(health.version).toContain('ada');
  });

  it('searches projects as neutral experiments with "<entity>/<project>" ids', async () => {
    const tracking = requireCapability(wandb, 'tracking');
    const page = await tracking.searchExperiments({ limit: 50, filter: 'llm' });
    expect(page.items.map((e) => e.id)).toEqual(['acme-ml/llm-finetune']);
    const experiment = await tracking.getExperiment('acme-ml/vision-baselines');
    expect(experiment.name).toBe('vision-baselines');
  });

  it('returns neutral runs with string params, metrics and tags', async () => {
    const tracking = requireCapability(wandb, 'tracking');
    const page = await tracking.searchRuns({
      experimentIds: ['acme-ml/llm-finetune'],
      filter: '{"displayName": "sft-llama-adamw"}',
      limit: 5,
    });
    const [run] = page.items;
    expect(run).toMatchObject({
      id: 'acme-ml/llm-finetune/healthy1',
      experimentId: 'acme-ml/llm-finetune',
      status: 'finished',
    });
    expect(run!.params).toMatchObject({
      optimizer: 'adamw',
      learning_rate: '0.0001',
      'lora.dropout': '0.05',
    });
    expect(typeof run!.metrics!.loss).toBe('number');
    expect(run!.tags).toMatchObject({ baseline: '', 'wandb.group': 'sft-v1' });
    const again = await tracking.getRun(run!.id);
    expect(again.ref.uri).toBe(run!.ref.uri);
  });

  it('gives a neutral metric history without W&B-only fields', async () => {
    const tracking = requireCapability(wandb, 'tracking');
    const series = await tracking.getMetricHistory!({
      runId: 'acme-ml/llm-finetune/long5000',
      key: 'loss',
      maxPoints: 50,
    });
    expect(series).toMatchObject({ key: 'loss', downsampled: true });
    expect(series.values.length).toBeLessThanOrEqual(50);
    expect(series).not.toHaveProperty('serverSampled');
  });

  it('refuses a neutral run search over several projects', async () => {
    const tracking = requireCapability(wandb, 'tracking');
    const error = await tracking
      .searchRuns({ experimentIds: ['acme-ml/llm-finetune', 'acme-ml/rl-agents'], limit: 5 })
      .catch((e: unknown) => e);
    expect(MlopsError.isInstance(error) && error.kind).toBe('invalid_input');
  });

  it('names every tool wandb_<verb>_<noun> within 64 characters, each described', () => {
    const names = wandbRunTools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of wandbRunTools) {
      expect(tool.name).toMatch(/^wandb_[a-z]+_[a-z_]+$/);
      expect(tool.name.length).toBeLessThanOrEqual(64);
      expect(tool.description.length).toBeGreaterThan(20);
    }
    expect(
      wandbRunTools.filter((tool) => tool.access === 'write').map((tool) => tool.name),
    ).toEqual(['wandb_update_run', 'wandb_create_report']);
  });

  it('offers the runs-side tools and the Weave tools under unique names, with Tracing from Weave', () => {
    const names = wandbTools.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, wandbRunTools.length)).toEqual(wandbRunTools.map((tool) => tool.name));
    expect(names).toContain('wandb_search_traces');
    expect(typeof requireCapability(wandb, 'tracing').searchTraces).toBe('function');
  });
});

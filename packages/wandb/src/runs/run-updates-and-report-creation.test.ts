import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { createReportTool } from '../reports/create-report.js';
import { getReportTool } from '../reports/get-report.js';
import { listReportsTool } from '../reports/list-reports.js';
import { getRunTool } from './get-run.js';
import { updateRunTool } from './update-run.js';

const { standin, wandb } = await useStandinAdapter({ WANDB_PROJECT: 'llm-finetune' });

describe('wandb_update_run', () => {
  it('adds and removes tags, keeping the others', async () => {
    const before = await runTool(getRunTool, wandb, { run: standin.runs.healthyB });
    expect(before.tags).toEqual(['baseline']);
    const result = await runTool(updateRunTool, wandb, {
      run: standin.runs.healthyB,
      addTags: ['best', 'reviewed'],
      removeTags: ['baseline'],
    });
    expect(result).toMatchObject({
      run: 'acme-ml/llm-finetune/healthy2',
      tags: ['best', 'reviewed'],
    });
    const after = await runTool(getRunTool, wandb, { run: standin.runs.healthyB });
    expect(after.tags).toEqual(['best', 'reviewed']);
  });

  it('replaces the notes and leaves the tags alone', async () => {
    const before = await runTool(getRunTool, wandb, { run: standin.runs.diverged });
    await runTool(updateRunTool, wandb, {
      run: standin.runs.diverged,
      notes: 'Diverged: lr 3e-3 too high.',
    });
    const after = await runTool(getRunTool, wandb, { run: standin.runs.diverged });
    expect(after.notes).toBe('Diverged: lr 3e-3 too high.');
    expect(after.tags).toEqual(before.tags);
  });

  it('sends the mutation once, never retried', async () => {
    const sent = standin.requestCounts.get('WandbUpdateRun') ?? 0;
    await runTool(updateRunTool, wandb, { run: standin.runs.healthyA, addTags: ['once'] });
    expect(standin.requestCounts.get('WandbUpdateRun')).toBe(sent + 1);
  });

  it('rejects a call that changes nothing', async () => {
    await expect(runTool(updateRunTool, wandb, { run: standin.runs.healthyA })).rejects.toThrow(
      /addTags, removeTags or notes/,
    );
  });

  it('is declared a destructive, idempotent write', () => {
    expect(updateRunTool).toMatchObject({ access: 'write', destructive: true, idempotent: true });
  });
});

describe('wandb_create_report', () => {
  it('creates a report that the report tools then find', async () => {
    const created = await runTool(createReportTool, wandb, {
      title: 'Agent summary: LR sweep',
      description: 'Written by an agent.',
    });
    expect(created).toMatchObject({
      inserted: true,
      title: 'Agent summary: LR sweep',
      type: 'runs',
      project: 'llm-finetune',
    });
    const listed = await runTool(listReportsTool, wandb, {});
    expect(listed.items.map((r) => r.id)).toContain(created.id);
    const fetched = await runTool(getReportTool, wandb, { report: created.id });
    expect(fetched.description).toBe('Written by an agent.');
    expect(JSON.parse(fetched.spec!)).toMatchObject({ version: 5, blocks: [], width: 'readable' });
  });

  it('is declared a write that is not idempotent', () => {
    expect(createReportTool).toMatchObject({
      access: 'write',
      destructive: false,
      idempotent: false,
    });
  });
});

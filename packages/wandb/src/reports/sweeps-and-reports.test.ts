import { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { describe, expect, it } from 'vitest';
import { useStandinAdapter } from '../../test/standin-adapter.js';
import { getSweepTool } from '../sweeps/get-sweep.js';
import { listSweepsTool } from '../sweeps/list-sweeps.js';
import { getReportTool } from './get-report.js';
import { listReportsTool } from './list-reports.js';

const { standin, wandb } = await useStandinAdapter();

const project = 'llm-finetune';

describe('wandb_list_sweeps and wandb_get_sweep', () => {
  it("lists a project's sweeps with state, method and run count", async () => {
    const result = await runTool(listSweepsTool, wandb, { project });
    expect(result.totalCount).toBe(2);
    expect(result.items.map((s) => [s.id, s.method, s.state, s.runCount])).toEqual([
      ['swplr001', 'bayes', 'FINISHED', 24],
      ['swpbs002', 'grid', 'RUNNING', 9],
    ]);
    expect(result.items[0]!.url).toBe(`${standin.url}/acme-ml/llm-finetune/sweeps/swplr001`);
  });

  it("returns a sweep's metric and its best runs ordered by it", async () => {
    const result = await runTool(getSweepTool, wandb, { project, sweep: 'swplr001', topRuns: 5 });
    expect(result.metric).toEqual({ name: 'eval/loss', goal: 'minimize' });
    expect(result.configYaml).toContain('method: bayes');
    const losses = result.topRuns.map((run) => run.summary?.['eval/loss'] as number);
    expect(losses).toHaveLength(5);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    expect(losses[0]).toBe(result.bestLoss);
  });

  it('orders a maximised metric best first', async () => {
    const result = await runTool(getSweepTool, wandb, { project, sweep: 'swpbs002', topRuns: 3 });
    const accuracy = result.topRuns.map((run) => run.summary?.['eval/accuracy'] as number);
    expect(accuracy).toEqual([...accuracy].sort((a, b) => b - a));
  });

  it('says an unknown sweep was not found', async () => {
    const error = await runTool(getSweepTool, wandb, { project, sweep: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(MlopsError.isInstance(error) && error.kind).toBe('not_found');
    expect((error as MlopsError).hint).toContain('wandb_list_sweeps');
  });
});

describe('wandb_list_reports and wandb_get_report', () => {
  it('lists published reports only, with their URLs', async () => {
    const result = await runTool(listReportsTool, wandb, { project });
    expect(result.items.map((r) => r.title)).toEqual([
      'Q1 optimizer comparison',
      'Why nanloss1 diverged',
    ]);
    const first = result.items[0]!;
    expect(first.url).toBe(
      `${standin.url}/acme-ml/llm-finetune/reports/Q1-optimizer-comparison--${first.id.replace(/=/g, '')}`,
    );
  });

  it("returns a report's spec truncated to the asked length", async () => {
    const [report] = (await runTool(listReportsTool, wandb, { project })).items;
    const result = await runTool(getReportTool, wandb, { report: report!.id, maxSpecChars: 500 });
    expect(result.title).toBe('Q1 optimizer comparison');
    expect(result.specTruncated).toBe(true);
    expect(result.specChars).toBeGreaterThan(2000);
    expect(result.spec!.startsWith('{"version":5')).toBe(true);
  });

  it('accepts the report URL in place of the id', async () => {
    const [report] = (await runTool(listReportsTool, wandb, { project })).items;
    const result = await runTool(getReportTool, wandb, { report: report!.url! });
    expect(result.id).toBe(report!.id);
  });
});

import type { MlopsError } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { createPromptOptimizationJobTool } from '../prompt-optimization-jobs/create-prompt-optimization-job.js';
import { queryTraceMetricsTool } from '../trace-metrics/query-trace-metrics.js';
import { searchTracesTool } from '../traces/search-traces.js';
import { deleteScorerTool } from './delete-scorer.js';
import { getScorerTool } from './get-scorer.js';
import { listScorerVersionsTool } from './list-scorer-versions.js';
import { listScorersTool } from './list-scorers.js';

/** seed.extras.scorers (python/seed_mlflow_scorers.py). */
interface ScorersExtras {
  experimentId: string;
  scorers: {
    polite: { versions: number; guidelinesByVersion: string[][] };
    tone: { model: string };
  };
}

/** The part of seed.extras.traces (python/seed_mlflow_traces.py) these tests use. */
interface TracesExtras {
  experimentId: string;
  okTraceIds: string[];
  errorTraceId: string;
}

const { seed, mlflow } = useSharedMlflow();
let scorers: ScorersExtras;
let traces: TracesExtras;

beforeAll(async () => {
  scorers = seed.extras.scorers as ScorersExtras;
  traces = seed.extras.traces as TracesExtras;
});

const UNKNOWN_EXPERIMENT = '987654';

describe('mlflow_list_scorers', () => {
  it('lists the scorers of an experiment, each at its latest version', async () => {
    const result = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
    });
    const versions = Object.fromEntries(result.items.map((s) => [s.name, s.version]));
    expect(versions).toMatchObject({ polite: 2, relevance_to_query: 1, tone: 1 });
    expect(result.items.every((s) => s.experimentId === scorers.experimentId)).toBe(true);
  });

  it('lists the scorers of every active experiment when none is given', async () => {
    const result = await runTool(listScorersTool, mlflow, {});
    expect(result.items.map((s) => [s.experimentId, s.name])).toContainEqual([
      scorers.experimentId,
      'polite',
    ]);
  });

  it('summarises a Guidelines judge with its class and guidelines', async () => {
    const result = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
    });
    expect(result.items.find((s) => s.name === 'polite')).toMatchObject({
      type: 'builtin',
      builtinClass: 'Guidelines',
      guidelines: scorers.scorers.polite.guidelinesByVersion[1],
    });
  });

  it('summarises a make_judge judge with its model and instructions', async () => {
    const result = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
    });
    const tone = result.items.find((s) => s.name === 'tone');
    expect(tone).toMatchObject({ type: 'judge', model: scorers.scorers.tone.model });
    expect(tone?.instructions).toMatch(/friendly/);
  });

  it('pages through the scorers with the cursor', async () => {
    const all = await runTool(listScorersTool, mlflow, { experimentIds: [scorers.experimentId] });
    const first = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
      limit: 2,
    });
    expect(first.items).toHaveLength(2);
    expect(first.totalCount).toBe(all.items.length);
    const rest = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
      limit: 100,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...rest.items].map((s) => s.name)).toEqual(
      all.items.map((s) => s.name),
    );
  });

  it('answers not_found for an unknown experiment', async () => {
    const error = (await runTool(listScorersTool, mlflow, {
      experimentIds: [UNKNOWN_EXPERIMENT],
    }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_list_scorers/);
  });
});

describe('mlflow_list_scorer_versions', () => {
  it('lists every version oldest first with what changed', async () => {
    const result = await runTool(listScorerVersionsTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'polite',
    });
    expect(result.items.map((s) => [s.version, s.guidelines])).toEqual([
      [1, scorers.scorers.polite.guidelinesByVersion[0]],
      [2, scorers.scorers.polite.guidelinesByVersion[1]],
    ]);
    expect(result.items[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('answers not_found for an unknown scorer name', async () => {
    await expect(
      runTool(listScorerVersionsTool, mlflow, {
        experimentId: scorers.experimentId,
        name: 'no_such_judge',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('mlflow_get_scorer', () => {
  it('reads the latest version with its serialized definition', async () => {
    const result = await runTool(getScorerTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'polite',
    });
    expect(result).toMatchObject({ name: 'polite', version: 2, type: 'builtin' });
    const definition = JSON.parse(result.definition) as Record<string, unknown>;
    expect(definition).toMatchObject({ name: 'polite', builtin_scorer_class: 'Guidelines' });
    // MLflow stores a dozen null fields per definition; they are dropped.
    expect(result.definition).not.toContain('null');
    expect(result.definitionTruncated).toBeUndefined();
  });

  it('reads an older version by number', async () => {
    const result = await runTool(getScorerTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'polite',
      version: 1,
    });
    expect(result.guidelines).toEqual(scorers.scorers.polite.guidelinesByVersion[0]);
  });

  it('cuts a long definition to maxDefinitionChars and says so', async () => {
    const result = await runTool(getScorerTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'relevance_to_query',
      maxDefinitionChars: 100,
    });
    expect(result.definitionTruncated).toBe(true);
    expect(result.definition.startsWith('{"name":"relevance_to_query"')).toBe(true);
    expect(result.definition).toMatch(/more chars\]$/);
  });

  it('accepts the experiment as a ref uri', async () => {
    const result = await runTool(getScorerTool, mlflow, {
      experimentId: `mlflow://experiments/${scorers.experimentId}`,
      name: 'tone',
    });
    expect(result.model).toBe(scorers.scorers.tone.model);
  });

  it('answers not_found for a version that does not exist', async () => {
    await expect(
      runTool(getScorerTool, mlflow, {
        experimentId: scorers.experimentId,
        name: 'polite',
        version: 99,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('mlflow_delete_scorer', () => {
  it('deletes one version and keeps the others', async () => {
    const deleted = await runTool(deleteScorerTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'scratch_guard',
      version: 1,
    });
    expect(deleted.deletedVersions).toBe(1);
    const left = await runTool(listScorerVersionsTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'scratch_guard',
    });
    expect(left.items.map((s) => s.version)).toEqual([2]);
  });

  it('deletes a scorer with every version when asked for "all"', async () => {
    await runTool(deleteScorerTool, mlflow, {
      experimentId: scorers.experimentId,
      name: 'scratch_probe',
      version: 'all',
    });
    const listed = await runTool(listScorersTool, mlflow, {
      experimentIds: [scorers.experimentId],
    });
    expect(listed.items.map((s) => s.name)).not.toContain('scratch_probe');
    await expect(
      runTool(getScorerTool, mlflow, { experimentId: scorers.experimentId, name: 'scratch_probe' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('answers not_found for an unknown scorer', async () => {
    await expect(
      runTool(deleteScorerTool, mlflow, {
        experimentId: scorers.experimentId,
        name: 'no_such_judge',
        version: 'all',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('needs an explicit version or "all"', async () => {
    await expect(
      runTool(deleteScorerTool, mlflow, { experimentId: scorers.experimentId, name: 'polite' }),
    ).rejects.toThrow(/version/);
  });
});

describe('mlflow_query_trace_metrics', () => {
  const query = (args: Record<string, unknown>) =>
    runTool(queryTraceMetricsTool, mlflow, { experimentIds: [traces.experimentId], ...args });

  /** Row i of columnar output as an object. */
  const rows = (columns: Record<string, unknown[]>) => {
    const length = Object.values(columns)[0]?.length ?? 0;
    return Array.from({ length }, (_, i) =>
      Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, values[i]])),
    );
  };

  it('counts the seeded traces by status: 4 OK and 1 ERROR', async () => {
    const result = await query({ metric: 'trace_count', dimensions: ['trace_status'] });
    expect(result).toMatchObject({ unit: 'count', dimensions: ['trace_status'] });
    expect(rows(result.columns)).toEqual(
      expect.arrayContaining([
        { trace_status: 'OK', COUNT: traces.okTraceIds.length },
        { trace_status: 'ERROR', COUNT: 1 },
      ]),
    );
    expect(result.points).toBe(2);
  });

  it("reports latency aggregates that match the seeded traces' durations", async () => {
    const search = await runTool(searchTracesTool, mlflow, {
      experimentIds: [traces.experimentId],
      limit: 100,
    });
    const durations = search.items.map((t) => t.durationMs ?? Number.NaN);
    expect(durations).toHaveLength(traces.okTraceIds.length + 1);
    const result = await query({ metric: 'latency', aggregations: ['AVG', 'MIN', 'MAX'] });
    expect(result.unit).toBe('ms');
    const mean = durations.reduce((sum, d) => sum + d, 0) / durations.length;
    expect(result.columns.AVG![0]).toBeCloseTo(mean, 6);
    expect(result.columns.MIN![0]).toBe(Math.min(...durations));
    expect(result.columns.MAX![0]).toBe(Math.max(...durations));
  });

  it('names percentile columns as they were asked for', async () => {
    const result = await query({ metric: 'latency', aggregations: ['P50', 'P99.9'] });
    expect(Object.keys(result.columns)).toEqual(['P50', 'P99.9']);
    expect(result.columns.P50![0]).toEqual(expect.any(Number));
    expect(result.columns['P99.9']![0] as number).toBeGreaterThanOrEqual(
      result.columns.P50![0] as number,
    );
  });

  it('buckets counts over time, by default over the last 24 hours', async () => {
    const result = await query({ metric: 'trace_count', intervalSeconds: 3600 });
    expect(result.dimensions).toEqual(['time_bucket']);
    expect(result.window?.intervalSeconds).toBe(3600);
    const span = Date.parse(result.window!.end!) - Date.parse(result.window!.start!);
    expect(span).toBe(24 * 60 * 60 * 1000);
    for (const bucket of result.columns.time_bucket!) expect(bucket).toMatch(/^\d{4}-\d\d-\d\dT/);
    const total = (result.columns.COUNT as number[]).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(traces.okTraceIds.length + 1);
  });

  it('counts nothing in a window before the traces were made', async () => {
    const result = await query({
      metric: 'trace_count',
      since: '2001-01-01T00:00:00Z',
      until: '2001-01-02T00:00:00Z',
    });
    expect(result.columns.COUNT).toEqual([0]);
  });

  it('applies filters: only the error trace', async () => {
    const result = await query({ metric: 'trace_count', filters: ['trace.status = "ERROR"'] });
    expect(result.columns.COUNT).toEqual([1]);
  });

  it('aggregates spans by name: every trace has a root, a retriever and an LLM span', async () => {
    const result = await query({ view: 'SPANS', metric: 'span_count', dimensions: ['span_name'] });
    const total = traces.okTraceIds.length + 1;
    expect(rows(result.columns)).toEqual(
      expect.arrayContaining([
        { span_name: 'rag_pipeline', COUNT: total },
        { span_name: 'retrieve', COUNT: total },
        { span_name: 'generate', COUNT: total },
      ]),
    );
  });

  it('counts the seeded assessments by name', async () => {
    const result = await query({
      view: 'ASSESSMENTS',
      metric: 'assessment_count',
      dimensions: ['assessment_name'],
    });
    expect(rows(result.columns)).toEqual(
      expect.arrayContaining([
        { assessment_name: 'correctness', COUNT: 2 },
        { assessment_name: 'relevance', COUNT: 1 },
        { assessment_name: 'expected_answer', COUNT: 1 },
      ]),
    );
  });

  it('says when there were more groups than the limit', async () => {
    const result = await query({ metric: 'trace_count', dimensions: ['trace_status'], limit: 1 });
    expect(result.points).toBe(1);
    expect(result.truncated).toBe(true);
  });

  it('answers not_found for an unknown experiment instead of counting zero', async () => {
    await expect(
      runTool(queryTraceMetricsTool, mlflow, {
        experimentIds: [UNKNOWN_EXPERIMENT],
        metric: 'trace_count',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('rejects a metric of another view and lists the metrics per view', async () => {
    const error = (await query({ view: 'SPANS', metric: 'trace_count' }).catch(
      (e) => e,
    )) as MlopsError;
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect(error.message).toMatch(/span_count/);
    expect(error.hint).toMatch(/SPANS span_count/);
  });

  it('rejects a malformed filter', async () => {
    await expect(query({ metric: 'trace_count', filters: ['garbage'] })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
  });

  it('rejects an unknown aggregation and a window that ends before it starts', async () => {
    await expect(query({ metric: 'latency', aggregations: ['MEDIAN'] })).rejects.toThrow(
      /percentile/,
    );
    await expect(
      query({
        metric: 'trace_count',
        since: '2025-02-01T00:00:00Z',
        until: '2025-01-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input', field: 'since' });
  });
});

// The seeded server runs without a job runner (the testkit default), as most servers do.
describe('mlflow_create_prompt_optimization_job on a server without job execution', () => {
  it('says the server cannot run jobs and which setting enables them', async () => {
    const error = (await runTool(createPromptOptimizationJobTool, mlflow, {
      experimentId: scorers.experimentId,
      sourcePromptUri: 'prompts:/any-prompt/1',
      scorers: ['Correctness'],
    }).catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'unsupported', backend: 'mlflow' });
    expect(error.hint).toMatch(/MLFLOW_SERVER_ENABLE_JOB_EXECUTION=true/);
  });
});

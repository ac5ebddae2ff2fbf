import { estimateTokens, MlopsError, TraceSchema, toCompactJson } from '@mlops-mcp/core';
import { runTool } from '@mlops-mcp/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { deleteTraceTagTool } from './delete-trace-tag.js';
import { deleteTracesTool } from './delete-traces.js';
import { getTraceTool } from './get-trace.js';
import { getTraceInfoTool } from './get-trace-info.js';
import { mapTraceDetail } from './map-trace-detail.js';
import { searchTracesTool } from './search-traces.js';
import { setTraceTagTool } from './set-trace-tag.js';
import { createMlflowTracing } from './trace-capability.js';
import { getTraceWithSpans } from './traces-api.js';
import { tracesTools } from './traces-tools.js';

/** What python/seed_mlflow_traces.py seeded (seed.extras.traces). */
interface TracesExtras {
  experimentId: string;
  scratchExperimentId: string;
  traceIds: string[];
  okTraceIds: string[];
  errorTraceId: string;
  errorMessage: string;
  largeTraceId: string;
  runTraceId: string;
  runId: string;
  scratchTraceIds: string[];
  assessments: Record<'correctTrue' | 'correctFalse' | 'relevance' | 'expectation', string>;
}

const { seed, mlflow } = useSharedMlflow();
let traces: TracesExtras;

beforeAll(async () => {
  traces = seed.extras.traces as TracesExtras;
});

const UNKNOWN_TRACE = `tr-${'f'.repeat(32)}`;
const sorted = (ids: readonly (string | undefined)[]) => [...ids].sort();

async function search(args: Record<string, unknown>, maxResponseTokens?: number) {
  return runTool(
    searchTracesTool,
    mlflow,
    { experimentIds: [traces.experimentId], limit: 100, ...args },
    { maxResponseTokens },
  );
}

async function allTraceIds(args: Record<string, unknown>, maxResponseTokens?: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await search({ ...args, cursor }, maxResponseTokens);
    ids.push(...result.items.map((trace) => trace.id));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe('mlflow_search_traces', () => {
  it('finds every seeded trace of the experiment with name, status and timing', async () => {
    const result = await search({});
    expect(sorted(result.items.map((trace) => trace.id))).toEqual(sorted(traces.traceIds));
    for (const trace of result.items) {
      expect(trace).toMatchObject({ name: 'rag_pipeline', experimentId: traces.experimentId });
      expect(trace.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(trace.durationMs).toBeGreaterThan(0);
      expect(trace.ref.uri).toBe(`mlflow://traces/${trace.id}`);
    }
  });

  it('returns the newest trace first by default', async () => {
    const started = (await search({})).items.map((trace) => trace.startedAt ?? '');
    expect(started).toEqual([...started].sort().reverse());
  });

  it('filters by status ERROR to exactly the failed trace', async () => {
    const result = await search({ filter: "trace.status = 'ERROR'" });
    expect(result.items.map((trace) => trace.id)).toEqual([traces.errorTraceId]);
    expect(result.items[0]).toMatchObject({ status: 'error', rawStatus: 'ERROR' });
  });

  it('maps successful traces to the neutral ok status', async () => {
    const result = await search({ filter: "trace.status = 'OK'" });
    expect(sorted(result.items.map((trace) => trace.id))).toEqual(sorted(traces.okTraceIds));
    expect(new Set(result.items.map((trace) => trace.status))).toEqual(new Set(['ok']));
  });

  it('filters by a trace tag', async () => {
    const result = await search({ filter: "tags.env = 'prod'" });
    const expected = [traces.okTraceIds[0], traces.okTraceIds[1], traces.errorTraceId];
    expect(sorted(result.items.map((trace) => trace.id))).toEqual(sorted(expected));
    expect(result.items.every((trace) => trace.tags?.env === 'prod')).toBe(true);
  });

  it('filters by start time', async () => {
    const all = (await search({ orderBy: ['timestamp_ms ASC'] })).items;
    const cutoff = Date.parse(all[1]!.startedAt!);
    const result = await search({ filter: `trace.timestamp_ms > ${cutoff}` });
    expect(sorted(result.items.map((trace) => trace.id))).toEqual(
      sorted(all.slice(2).map((trace) => trace.id)),
    );
  });

  it('filters by a feedback value', async () => {
    const result = await search({ filter: "feedback.correctness = 'false'" });
    expect(result.items.map((trace) => trace.id)).toEqual([traces.okTraceIds[1]]);
  });

  it('pages through every trace without gaps or repeats', async () => {
    const ids = await allTraceIds({ limit: 2 });
    expect(ids).toHaveLength(traces.traceIds.length);
    expect(sorted(ids)).toEqual(sorted(traces.traceIds));
  });

  it('cuts a page to the response budget and resumes exactly where it stopped', async () => {
    const first = await search({}, 250);
    expect(first.truncated).toBe(true);
    expect(first.items.length).toBeLessThan(traces.traceIds.length);
    const ids = await allTraceIds({}, 250);
    expect(sorted(ids)).toEqual(sorted(traces.traceIds));
  });

  it('drops mlflow.* tags and metadata unless asked for them', async () => {
    const plain = (await search({ filter: "trace.status = 'ERROR'" })).items[0]!;
    const full = (await search({ filter: "trace.status = 'ERROR'", includeSystemTags: true }))
      .items[0]!;
    expect(plain.tags).toEqual({ env: 'prod', topic: 'manual' });
    expect(plain.metadata).toBeUndefined();
    expect(full.tags?.['mlflow.traceName']).toBe('rag_pipeline');
    expect(Object.keys(full.metadata ?? {}).some((key) => key.startsWith('mlflow.'))).toBe(true);
  });

  it('links a trace recorded inside a run to that run', async () => {
    const result = await search({ filter: "tags.topic = 'mlops'" });
    const linked = result.items.filter((trace) => trace.runId !== undefined);
    expect(linked.map((trace) => [trace.id, trace.runId])).toEqual([
      [traces.runTraceId, traces.runId],
    ]);
  });

  it('cuts request and response previews to previewChars and says so', async () => {
    const result = await search({ previewChars: 20 });
    const trace = result.items.find((item) => item.id === traces.okTraceIds[0])!;
    expect(trace.previewTruncated).toBe(true);
    expect(trace.requestPreview).toMatch(/^.{20}… \[\d+ more chars\]$/s);
    expect(trace.responsePreview).toMatch(/Answer to/);
  });

  it('returns assessments only when asked', async () => {
    const plain = await search({ filter: "tags.topic = 'geography'" });
    const withAssessments = await search({
      filter: "tags.topic = 'geography'",
      includeAssessments: true,
    });
    expect(plain.items[0]!.assessments).toBeUndefined();
    expect(sorted(withAssessments.items[0]!.assessments!.map((a) => a.name))).toEqual([
      'correctness',
      'expected_answer',
      'relevance',
    ]);
  });

  it('searches every active experiment when none is given', async () => {
    const result = await runTool(searchTracesTool, mlflow, {
      filter: "trace.status = 'ERROR'",
      limit: 50,
    });
    // The shared server may hold other tests' error traces, in experiments of their own.
    expect(result.items.map((trace) => trace.id)).toContain(traces.errorTraceId);
    expect(new Set(result.items.map((trace) => trace.status))).toEqual(new Set(['error']));
    expect(result.experimentIds).toContain(traces.experimentId);
  });

  it('answers a malformed filter with invalid_input and the trace filter syntax', async () => {
    const error = await search({ filter: "foo.bar = 'x'" }).catch((e: unknown) => e);
    expect(MlopsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect((error as Error).message).toMatch(/foo/);
    expect((error as MlopsError).hint).toMatch(/trace\.status = 'ERROR'/);
  });

  it('rejects a limit above the server cap of 500 before calling MLflow', async () => {
    await expect(search({ limit: 501 })).rejects.toThrow(/limit|<=500|too big/i);
  });
});

describe('mlflow_get_trace_info', () => {
  it('returns tags, previews and every assessment, without spans', async () => {
    const trace = await runTool(getTraceInfoTool, mlflow, { traceId: traces.okTraceIds[0] });
    expect(trace).toMatchObject({ id: traces.okTraceIds[0], status: 'ok', name: 'rag_pipeline' });
    expect(trace.tags).toEqual({ env: 'prod', topic: 'geography' });
    expect(trace.requestPreview).toContain('What is the capital of France?');
    expect('spans' in trace).toBe(false);
    const byName = Object.fromEntries((trace.assessments ?? []).map((a) => [a.name, a]));
    expect(byName.correctness).toMatchObject({
      id: traces.assessments.correctTrue,
      kind: 'feedback',
      value: true,
      rationale: 'Matches the reference answer.',
      source: { type: 'HUMAN', id: 'reviewer@example.com' },
    });
    expect(byName.relevance).toMatchObject({ value: 0.8, source: { type: 'LLM_JUDGE' } });
    expect(byName.expected_answer).toMatchObject({ kind: 'expectation', value: 'Paris' });
  });

  it('accepts the trace ref uri another tool returned', async () => {
    const trace = await runTool(getTraceInfoTool, mlflow, {
      traceId: `mlflow://traces/${traces.errorTraceId}`,
    });
    expect(trace).toMatchObject({ id: traces.errorTraceId, status: 'error' });
  });

  it('answers an unknown trace id with not_found and a hint to search', async () => {
    const error = await runTool(getTraceInfoTool, mlflow, { traceId: UNKNOWN_TRACE }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/mlflow_search_traces/);
  });

  it('rejects a run URI where a trace is expected', async () => {
    await expect(
      runTool(getTraceInfoTool, mlflow, { traceId: `mlflow://runs/${traces.runId}` }),
    ).rejects.toMatchObject({ kind: 'invalid_input', field: 'traceId' });
  });
});

describe('mlflow_get_trace', () => {
  it('returns the span tree: the root first, its children pointing at it', async () => {
    const trace = await runTool(getTraceTool, mlflow, { traceId: traces.okTraceIds[0] });
    expect(trace).toMatchObject({ spanCount: 3, spansSource: 'traces/get', status: 'ok' });
    const [root, ...children] = trace.spans;
    expect(root).toMatchObject({ name: 'rag_pipeline', kind: 'CHAIN', status: 'ok' });
    expect(root!.parentId).toBeUndefined();
    expect(root!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(children.map((span) => [span.name, span.kind, span.parentId])).toEqual([
      ['retrieve', 'RETRIEVER', root!.id],
      ['generate', 'LLM', root!.id],
    ]);
    for (const span of trace.spans) expect(span.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns span inputs, outputs and attributes without MLflow bookkeeping', async () => {
    const trace = await runTool(getTraceTool, mlflow, { traceId: traces.okTraceIds[0] });
    const retrieve = trace.spans.find((span) => span.name === 'retrieve')!;
    expect(retrieve.inputs).toMatchObject({ question: 'What is the capital of France?' });
    expect((retrieve.outputs as { id: string }[])[0]!.id).toBe('capital');
    expect(retrieve.attributes).toEqual({ 'retriever.top_k': 2, 'retriever.index': 'docs-v1' });
    expect(retrieve.truncated).toBeUndefined();
  });

  it('surfaces the exception of a failed trace at the top', async () => {
    const trace = await runTool(getTraceTool, mlflow, { traceId: traces.errorTraceId });
    expect(trace.status).toBe('error');
    expect(trace.error).toBe(`ValueError: ${traces.errorMessage}`);
    const generate = trace.spans.find((span) => span.name === 'generate')!;
    expect(generate).toMatchObject({
      status: 'error',
      error: `ValueError: ${traces.errorMessage}`,
    });
    expect(trace.errors?.map((e) => e.spanName).sort()).toEqual(['generate', 'rag_pipeline']);
    expect(trace.spans.find((span) => span.name === 'retrieve')!.status).toBe('ok');
  });

  it('lists the assessments of the trace', async () => {
    const trace = await runTool(getTraceTool, mlflow, { traceId: traces.okTraceIds[1] });
    expect(trace.assessments?.map((a) => [a.name, a.value])).toEqual([['correctness', false]]);
  });

  it('cuts large span outputs to maxFieldChars and flags them', async () => {
    const trace = await runTool(getTraceTool, mlflow, {
      traceId: traces.largeTraceId,
      maxFieldChars: 500,
    });
    const retrieve = trace.spans.find((span) => span.name === 'retrieve')!;
    expect(retrieve.truncated).toBe(true);
    expect(trace.truncated).toBe(true);
    expect(typeof retrieve.outputs).toBe('string');
    expect(retrieve.outputs as string).toMatch(/^.{500}… \[\d+ more chars\]$/s);
    const full = await runTool(getTraceTool, mlflow, {
      traceId: traces.largeTraceId,
      maxFieldChars: 100_000,
    });
    expect(full.spans.find((span) => span.name === 'retrieve')!.truncated).toBeUndefined();
  });

  it('shrinks fields to fit the response budget, keeping every span', async () => {
    const budget = 2000;
    const trace = await runTool(
      getTraceTool,
      mlflow,
      { traceId: traces.largeTraceId, maxFieldChars: 100_000 },
      { maxResponseTokens: budget },
    );
    expect(estimateTokens(toCompactJson(trace))).toBeLessThanOrEqual(budget);
    expect(trace.spans).toHaveLength(3);
    expect(trace.truncated).toBe(true);
  });

  it('pages through the spans of a trace with spanOffset', async () => {
    const first = await runTool(getTraceTool, mlflow, {
      traceId: traces.okTraceIds[0],
      spanLimit: 1,
    });
    expect(first.spans.map((span) => span.name)).toEqual(['rag_pipeline']);
    expect(first).toMatchObject({ nextSpanOffset: 1, truncated: true });
    const rest = await runTool(getTraceTool, mlflow, {
      traceId: traces.okTraceIds[0],
      spanOffset: first.nextSpanOffset,
      spanLimit: 10,
    });
    expect(rest.spans.map((span) => span.name)).toEqual(['retrieve', 'generate']);
    expect(rest.nextSpanOffset).toBeUndefined();
  });

  it('reads the same span tree from the trace-data file (the fallback for older servers)', async () => {
    const options = {
      baseUrl: mlflow.baseUrl,
      includeSystemTags: false,
      includeAttributes: true,
      maxFieldChars: 2000,
      spanOffset: 0,
      spanLimit: 100,
      maxTokens: 100_000,
    };
    const viaStore = mapTraceDetail(await getTraceWithSpans(mlflow, traces.errorTraceId), options);
    const viaFile = mapTraceDetail(
      await getTraceWithSpans(mlflow, traces.errorTraceId, { spansFrom: 'artifact' }),
      options,
    );
    expect(viaFile.spansSource).toBe('get-trace-artifact');
    const { spansSource: _a, ...store } = viaStore;
    const { spansSource: _b, ...file } = viaFile;
    expect(file).toEqual(store);
  });

  it('answers an unknown trace id with not_found', async () => {
    await expect(runTool(getTraceTool, mlflow, { traceId: UNKNOWN_TRACE })).rejects.toMatchObject({
      kind: 'not_found',
      backend: 'mlflow',
    });
  });
});

describe('mlflow_set_trace_tag and mlflow_delete_trace_tag', () => {
  it('sets a tag that mlflow_get_trace_info then shows', async () => {
    const traceId = traces.okTraceIds[2]!;
    await runTool(setTraceTagTool, mlflow, { traceId, key: 'review', value: 'approved' });
    const trace = await runTool(getTraceInfoTool, mlflow, { traceId });
    expect(trace.tags?.review).toBe('approved');
  });

  it('deletes a tag so it no longer shows', async () => {
    const traceId = traces.okTraceIds[3]!;
    await runTool(setTraceTagTool, mlflow, { traceId, key: 'temp', value: 'x' });
    await runTool(deleteTraceTagTool, mlflow, { traceId, key: 'temp' });
    const trace = await runTool(getTraceInfoTool, mlflow, { traceId });
    expect(trace.tags).not.toHaveProperty('temp');
    expect(trace.tags?.env).toBe('staging');
  });

  it('answers a tag write on an unknown trace with not_found, not a database error', async () => {
    const error = await runTool(setTraceTagTool, mlflow, {
      traceId: UNKNOWN_TRACE,
      key: 'review',
      value: 'x',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as Error).message).not.toMatch(/sqlite|FOREIGN KEY/i);
  });

  it('answers deleting a tag the trace does not have with not_found', async () => {
    await expect(
      runTool(deleteTraceTagTool, mlflow, { traceId: traces.okTraceIds[0], key: 'no-such-tag' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('refuses reserved mlflow.* keys before calling MLflow', async () => {
    await expect(
      runTool(setTraceTagTool, mlflow, {
        traceId: traces.okTraceIds[0],
        key: 'mlflow.traceName',
        value: 'x',
      }),
    ).rejects.toThrow(/reserved/);
  });
});

describe('mlflow_delete_traces', () => {
  const scratchIds = async () =>
    (await search({ experimentIds: [traces.scratchExperimentId] })).items.map((t) => t.id);

  it('leaves traces of other experiments alone and says so', async () => {
    const result = await runTool(deleteTracesTool, mlflow, {
      experimentId: traces.scratchExperimentId,
      traceIds: [traces.okTraceIds[0]],
    });
    expect(result).toMatchObject({ deleted: 0, requested: 1 });
    expect(result.note).toMatch(/not traces of experiment/);
    await expect(
      runTool(getTraceInfoTool, mlflow, { traceId: traces.okTraceIds[0] }),
    ).resolves.toMatchObject({ id: traces.okTraceIds[0] });
  });

  it('deletes the listed traces and reports the count', async () => {
    const [target] = traces.scratchTraceIds;
    const result = await runTool(deleteTracesTool, mlflow, {
      experimentId: traces.scratchExperimentId,
      traceIds: [target],
    });
    expect(result).toEqual({ experimentId: traces.scratchExperimentId, deleted: 1, requested: 1 });
    await expect(runTool(getTraceInfoTool, mlflow, { traceId: target! })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('deletes the oldest traces up to a time, at most maxTraces of them', async () => {
    const before = await scratchIds();
    expect(sorted(before)).toEqual(sorted(traces.scratchTraceIds.slice(1)));
    const result = await runTool(deleteTracesTool, mlflow, {
      experimentId: traces.scratchExperimentId,
      maxTimestampMs: Date.now(),
      maxTraces: 1,
    });
    expect(result.deleted).toBe(1);
    expect(await scratchIds()).toEqual([traces.scratchTraceIds[2]]);
  });

  it('rejects giving both trace ids and a timestamp', async () => {
    await expect(
      runTool(deleteTracesTool, mlflow, {
        experimentId: traces.scratchExperimentId,
        traceIds: [traces.scratchTraceIds[2]],
        maxTimestampMs: Date.now(),
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(await scratchIds()).toEqual([traces.scratchTraceIds[2]]);
  });
});

describe('neutral Tracing capability', () => {
  it('searches and fetches traces as core Trace objects with mlflow refs', async () => {
    const tracing = createMlflowTracing(mlflow);
    const page = await tracing.searchTraces({
      scopes: [traces.experimentId],
      filter: "trace.status = 'ERROR'",
      limit: 10,
    });
    expect(page.items.map((trace) => trace.ref.uri)).toEqual([
      `mlflow://traces/${traces.errorTraceId}`,
    ]);
    const trace = TraceSchema.strict().parse(await tracing.getTrace(traces.errorTraceId));
    expect(trace.status).toBe('error');
    const root = trace.spans!.find((span) => span.parentId === undefined)!;
    expect(trace.spans!.filter((span) => span.parentId === root.id)).toHaveLength(2);
  });
});

describe('traces tool list', () => {
  it('declares every tool with a valid name, a title and honest write flags', () => {
    for (const tool of tracesTools) {
      expect(tool.name).toMatch(/^mlflow_[a-z0-9_]{1,57}$/);
      expect(tool.title.length).toBeGreaterThan(0);
      if (tool.access === 'write') expect(typeof tool.destructive).toBe('boolean');
    }
    expect(new Set(tracesTools.map((tool) => tool.name)).size).toBe(tracesTools.length);
  });
});

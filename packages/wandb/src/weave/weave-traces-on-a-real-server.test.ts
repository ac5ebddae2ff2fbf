import { parseEntityUri } from '@mlops-mcp/core';
import { failure, runTool } from '@mlops-mcp/testkit';
import { sharedWeave } from '@mlops-mcp/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wandbSettingsFromEnv } from '../shared/settings.js';
import { addFeedbackTool } from './add-feedback.js';
import { getCallTool } from './get-call.js';
import { getCallStatsTool } from './get-call-stats.js';
import { getObjectTool } from './get-object.js';
import { getTraceTool } from './get-trace.js';
import { createWeaveClient, type WeaveClient } from './index.js';
import { listFeedbackTool } from './list-feedback.js';
import { listObjectsTool } from './list-objects.js';
import { searchCallsTool } from './search-calls.js';
import { searchTracesTool } from './search-traces.js';
import { summarizeTracesTool } from './summarize-traces.js';

// The run's shared, seeded Weave trace server (test/global-setup.ts).
const { url: weaveUrl, apiKey: weaveApiKey, seed } = sharedWeave();
let weave: WeaveClient;

function clientWithKey(apiKey: string, defaults = true): WeaveClient {
  const settings = wandbSettingsFromEnv({
    WANDB_API_KEY: apiKey,
    // Nothing listens on port 9: the Weave client must never need W&B's GraphQL API.
    WANDB_BASE_URL: 'http://127.0.0.1:9',
    WF_TRACE_SERVER_URL: weaveUrl,
    ...(defaults ? { WANDB_ENTITY: seed.entity, WANDB_PROJECT: seed.project } : {}),
  });
  if (!settings) throw new Error('settings from env were not built');
  return createWeaveClient(settings, { retry: { maxAttempts: 1 } });
}

beforeAll(() => {
  weave = clientWithKey(weaveApiKey);
});

afterAll(async () => {
  await weave?.close();
});

const agentIds = () => seed.agentTraces.map((trace) => trace.id);
const hoursAgo = (iso: string) => (Date.now() - Date.parse(iso)) / 3_600_000;

describe('wandb_search_traces', () => {
  it('finds every seeded agent trace by op name, as root calls with short op names', async () => {
    const result = await runTool(searchTracesTool, weave, { opNames: ['agent'], limit: 100 });
    expect(result.items.map((trace) => trace.rootCallId).sort()).toEqual(agentIds().sort());
    expect(new Set(result.items.map((trace) => trace.name))).toEqual(new Set(['agent']));
    expect(result.items.map((trace) => trace.id).sort()).toEqual(
      seed.agentTraces.map((trace) => trace.traceId).sort(),
    );
  });

  it('with status error returns exactly the failing traces and their messages', async () => {
    const result = await runTool(searchTracesTool, weave, { status: 'error', limit: 100 });
    expect(result.items.map((trace) => trace.rootCallId).sort()).toEqual(
      [...seed.errorTraceIds].sort(),
    );
    const timeout = seed.agentTraces.find((trace) => trace.error === 'TimeoutError')!;
    const item = result.items.find((trace) => trace.rootCallId === timeout.id)!;
    expect(item.error).toBe('TimeoutError: vector store timed out after 5s');
    expect(item.status).toBe('error');
  });

  it('reports whole-trace tokens, cost and call counts from the root summary', async () => {
    const backfilled = seed.agentTraces.find((trace) => trace.latencyMs === 4000)!;
    const result = await runTool(searchTracesTool, weave, {
      query: { $expr: { $eq: [{ $getField: 'id' }, { $literal: backfilled.id }] } },
    });
    expect(result.items).toHaveLength(1);
    const trace = result.items[0]!;
    expect(trace.tokens).toEqual({ input: 100, output: 20, total: 120 });
    expect(trace.costUsd).toBeGreaterThan(0);
    expect(trace.durationMs).toBe(4000);
    expect(trace.callCount).toBe(3);
    expect(trace.errorCount).toBe(0);
    expect(parseEntityUri(trace.ref.uri)).toMatchObject({
      backend: 'wandb',
      kind: 'trace',
      id: backfilled.traceId,
      scope: [seed.entity, seed.project],
    });
  });

  it('keeps only traces started inside the time window', async () => {
    const result = await runTool(searchTracesTool, weave, {
      opNames: ['agent'],
      startedAfter: '24h',
      limit: 100,
    });
    const expected = seed.agentTraces
      .filter((trace) => trace.startedAt === undefined || hoursAgo(trace.startedAt) < 24)
      .map((trace) => trace.id);
    expect(expected.length).toBeLessThan(seed.agentTraces.length);
    expect(result.items.map((trace) => trace.rootCallId).sort()).toEqual(expected.sort());
  });

  it('pages through all traces with cursors, newest first, without repeats', async () => {
    const seen: string[] = [];
    const starts: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await runTool(searchTracesTool, weave, {
        opNames: ['agent'],
        limit: 4,
        cursor,
      });
      seen.push(...result.items.map((trace) => trace.rootCallId));
      starts.push(...result.items.map((trace) => trace.startedAt ?? ''));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(agentIds().sort());
    expect([...starts].sort().reverse()).toEqual(starts);
  });
});

describe('wandb_get_trace', () => {
  it('returns the call tree with depths, parents and per-span latency', async () => {
    const trace = seed.agentTraces.find((t) => t.latencyMs === 2500)!;
    const result = await runTool(getTraceTool, weave, { traceId: trace.traceId });
    expect(result.trace.rootCallId).toBe(trace.id);
    expect(result.spans.map((span) => [span.kind, span.depth])).toEqual([
      ['agent', 0],
      ['retrieve', 1],
      ['llm_call', 1],
    ]);
    expect(result.spans.slice(1).every((span) => span.parentId === trace.id)).toBe(true);
    expect(result.spans[0]!.durationMs).toBe(2500);
    expect(result.spans[1]!.durationMs).toBe(50);
    expect(result.errors).toEqual([]);
  });

  it('surfaces every failed call of a failing trace', async () => {
    const failing = seed.agentTraces.find((t) => t.error === 'RuntimeError')!;
    const result = await runTool(getTraceTool, weave, { traceId: failing.traceId });
    expect(result.errors.map((error) => error.op).sort()).toEqual(['agent', 'llm_call']);
    expect(result.errors[0]!.error).toContain('model overloaded (HTTP 529)');
    expect(result.trace.status).toBe('error');
  });

  it('finds the trace from any of its call ids', async () => {
    const trace = seed.agentTraces.find((t) => t.latencyMs === 700)!;
    const byTrace = await runTool(getTraceTool, weave, { traceId: trace.traceId });
    const child = byTrace.spans.find((span) => span.kind === 'llm_call')!;
    const byCall = await runTool(getTraceTool, weave, { callId: child.id });
    expect(byCall.spans.map((span) => span.id)).toEqual(byTrace.spans.map((span) => span.id));
  });

  it('answers not_found for a trace id the project does not have', async () => {
    const error = await failure(
      runTool(getTraceTool, weave, { traceId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('wandb_get_call_stats and wandb_summarize_traces', () => {
  it('counts agent traces by status exactly', async () => {
    const result = await runTool(getCallStatsTool, weave, { opNames: ['agent'], rootsOnly: true });
    expect(result).toMatchObject({
      count: seed.agentTraces.length,
      error: seed.errorTraceIds.length,
      running: 0,
      ok: seed.agentTraces.length - seed.errorTraceIds.length,
    });
  });

  it('summarises the backfilled window: latency percentiles, tokens and a complete sample', async () => {
    const result = await runTool(summarizeTracesTool, weave, {
      opNames: ['agent'],
      startedAfter: '48h',
      startedBefore: '1h',
    });
    const backfilled = seed.agentTraces.filter((trace) => trace.latencyMs !== undefined);
    expect(result.total).toBe(backfilled.length);
    expect(result.sample).toMatchObject({ size: backfilled.length, complete: true });
    // Latencies 700 900 1500 2500 3000 4000: nearest-rank p50 is the 3rd, p90 the 6th.
    expect(result.latencyMs).toMatchObject({ p50: 1500, p90: 4000, p99: 4000, max: 4000 });
    expect(result.tokens).toEqual({ input: 600, output: 120, total: 720 });
    expect(result.byStatus).toEqual({ ok: backfilled.length, error: 0, running: 0 });
    expect(result.models).toEqual(['gpt-4o-mini']);
  });

  it('ranks the most frequent error messages with a count and an example call', async () => {
    const result = await runTool(summarizeTracesTool, weave, { opNames: ['agent'] });
    expect(result.topErrors[0]).toMatchObject({
      message: 'RuntimeError: model overloaded (HTTP 529), retry later',
      count: 2,
    });
    expect(seed.errorTraceIds).toContain(result.topErrors[0]!.exampleCallId);
    expect(result.topErrors.map((error) => error.count)).toEqual([2, 1, 1]);
    expect(result.byOp).toEqual([
      expect.objectContaining({ op: 'agent', count: result.total, errors: 4 }),
    ]);
  });

  it('states a partial sample when sampleSize is below the total', async () => {
    const result = await runTool(summarizeTracesTool, weave, {
      startedAfter: '7d',
      rootsOnly: false,
      sampleSize: 10,
    });
    expect(result.sample.size).toBe(10);
    expect(result.sample.complete).toBe(false);
    expect(result.total).toBeGreaterThan(10);
  });
});

describe('wandb_search_calls', () => {
  it('lists the children of a call via parentIds', async () => {
    const trace = seed.agentTraces.find((t) => t.latencyMs === 900)!;
    const result = await runTool(searchCallsTool, weave, { parentIds: [trace.id] });
    expect(result.items.map((call) => call.op).sort()).toEqual(['llm_call', 'retrieve']);
    expect(result.items[0]!.traceId).toBe(trace.traceId);
  });

  it('leaves inputs and outputs out unless asked, so their bytes are never transferred', async () => {
    await runTool(searchCallsTool, weave, { callIds: [seed.bigCallId] });
    const lean = weave.lastStream!.bytesRead;
    const withPayloads = await runTool(searchCallsTool, weave, {
      callIds: [seed.bigCallId],
      include: ['inputs', 'output'],
    });
    const heavy = weave.lastStream!.bytesRead;
    expect(lean).toBeLessThan(2_000);
    expect(heavy).toBeGreaterThan(seed.bigOutputChars);
    expect(withPayloads.items[0]!.truncated).toEqual(['inputs', 'output']);
  });

  it('returns compact items without payload fields by default', async () => {
    const result = await runTool(searchCallsTool, weave, { callIds: [seed.bigCallId] });
    expect(result.items[0]).not.toHaveProperty('inputs');
    expect(result.items[0]).not.toHaveProperty('output');
    expect(result.items[0]!.op).toBe('summarize_document');
  });

  it('stops reading the stream once the token budget is full and resumes at the cursor', async () => {
    const args = { include: ['inputs', 'output'], maxPayloadChars: 500, limit: 500 };
    const full = await runTool(searchCallsTool, weave, args);
    const fullStream = weave.lastStream!;
    expect(full.nextCursor).toBeUndefined();

    const first = await runTool(searchCallsTool, weave, args, { maxResponseTokens: 2_000 });
    const cut = weave.lastStream!;
    expect(first.truncated).toBe(true);
    expect(cut.stoppedEarly).toBe(true);
    expect(cut.rowsRead).toBeLessThan(full.items.length);
    expect(cut.bytesRead).toBeLessThan(fullStream.bytesRead);

    const second = await runTool(searchCallsTool, weave, { ...args, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((call) => call.id);
    expect(ids).toEqual(full.items.map((call) => call.id));
  });

  it('rejects an unknown $expr operator as invalid_input naming its path', async () => {
    const error = await failure(
      runTool(searchCallsTool, weave, {
        query: {
          $expr: {
            $and: [
              { $eq: [{ $getField: 'op_name' }, { $literal: 'x' }] },
              { $regex: [{ $getField: 'op_name' }, { $literal: 'a.*' }] },
            ],
          },
        },
      }),
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.field).toBe('query');
    expect(error.message).toContain('query.$expr.$and[1]');
    expect(error.message).toContain('$regex');
  });

  it('runs a valid $expr query on the server (slow calls)', async () => {
    // $gt 2000 rather than $gte 2500: the SQLite server derives latency from julianday()
    // differences, which come out a hair under whole milliseconds.
    const result = await runTool(searchCallsTool, weave, {
      query: { $expr: { $gt: [{ $getField: 'summary.weave.latency_ms' }, { $literal: 2000 }] } },
      opNames: ['agent'],
    });
    expect(result.items.map((call) => call.latencyMs).sort()).toEqual([2500, 3000, 4000]);
  });
});

describe('wandb_get_call', () => {
  it('returns inputs and output cut to maxPayloadChars, flagged as truncated', async () => {
    const result = await runTool(getCallTool, weave, {
      callId: seed.bigCallId,
      maxPayloadChars: 1_000,
    });
    expect(result.truncated).toEqual(['inputs', 'output']);
    expect(typeof result.output).toBe('string');
    expect(result.output as string).toMatch(/^"summary summary.*… \[\d+ more chars\]$/);
    expect((result.output as string).length).toBeLessThan(1_100);
    expect(result.opRef).toMatch(new RegExp(`^weave:///${seed.projectId}/op/summarize_document:`));
  });

  it('keeps small payloads whole', async () => {
    const trace = seed.agentTraces.find((t) => t.error === null)!;
    const result = await runTool(getCallTool, weave, { callId: trace.id });
    expect(result.inputs).toEqual({ question: trace.question });
    expect(result.truncated).toBeUndefined();
  });

  it('answers not_found for an unknown call id', async () => {
    const error = await failure(
      runTool(getCallTool, weave, { callId: '01900000-0000-7000-8000-000000000001' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('01900000-0000-7000-8000-000000000001');
  });
});

describe('feedback', () => {
  it('lists the reaction, note and scorer payload seeded on a call', async () => {
    const seeded = seed.feedback.filter((item) => item.callId === seed.feedback[0]!.callId);
    const result = await runTool(listFeedbackTool, weave, { callId: seeded[0]!.callId });
    expect(result.items.map((item) => item.id).sort()).toEqual(seeded.map((s) => s.id).sort());
    const note = result.items.find((item) => item.type === 'wandb.note.1')!;
    expect(note.payload).toEqual({ note: 'Cites the docs; good answer.' });
    const score = result.items.find((item) => item.type === 'correctness')!;
    expect(score.payload).toEqual({ score: 0.9, reason: 'matches reference' });
    expect(note.callId).toBe(seeded[0]!.callId);
  });

  it('filters project feedback by type', async () => {
    const result = await runTool(listFeedbackTool, weave, { types: ['wandb.reaction.1'] });
    const seededReactions = seed.feedback.filter((item) => item.type === 'wandb.reaction.1');
    expect(result.items.map((item) => item.id).sort()).toEqual(
      seededReactions.map((item) => item.id).sort(),
    );
    expect(result.items.map((item) => (item.payload as { emoji: string }).emoji).sort()).toEqual(
      ['👍', '👎'].sort(),
    );
  });

  it('adds a note that then shows up in the call feedback', async () => {
    const trace = seed.agentTraces.find((t) => t.error === 'ValueError')!;
    const created = await runTool(addFeedbackTool, weave, {
      callId: trace.id,
      note: 'Empty question reached the agent; validate upstream.',
      creator: 'triage-bot',
    });
    expect(created).toMatchObject({
      type: 'wandb.note.1',
      callId: trace.id,
      creator: 'triage-bot',
    });
    const listed = await runTool(listFeedbackTool, weave, { callId: trace.id });
    expect(listed.items.map((item) => item.id)).toContain(created.id);
  });

  it('refuses feedback on a call that does not exist', async () => {
    const error = await failure(
      runTool(addFeedbackTool, weave, {
        callId: '01900000-0000-7000-8000-000000000002',
        reaction: '👍',
      }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('objects', () => {
  it('lists the latest version of each dataset', async () => {
    const result = await runTool(listObjectsTool, weave, { classes: ['Dataset'] });
    const latest = seed.objects.dataset.at(-1)!;
    expect(result.items.map((item) => [item.name, item.digest, item.version])).toEqual([
      ['qa-dataset', latest.digest, 'v1'],
    ]);
  });

  it('lists every version of a named prompt', async () => {
    const result = await runTool(listObjectsTool, weave, {
      names: ['system-prompt'],
      allVersions: true,
    });
    expect(result.items.map((item) => item.digest).sort()).toEqual(
      seed.objects.prompt.map((prompt) => prompt.digest).sort(),
    );
    expect(result.items.find((item) => item.isLatest)?.version).toBe('v1');
  });

  it('lists models and evaluations with their classes', async () => {
    const result = await runTool(listObjectsTool, weave, { classes: ['Model', 'Evaluation'] });
    const byName = Object.fromEntries(result.items.map((item) => [item.name, item.baseClass]));
    expect(byName).toEqual({ 'rag-model': 'Model', 'qa-eval': 'Evaluation' });
  });

  it('reads a prompt by name and version, and by uri', async () => {
    const [first, second] = seed.objects.prompt;
    const v0 = await runTool(getObjectTool, weave, { name: 'system-prompt', version: 'v0' });
    expect(v0.digest).toBe(first!.digest);
    expect(v0.value).toMatchObject({ content: 'You are a helpful assistant.' });
    const byUri = await runTool(getObjectTool, weave, { uri: second!.uri });
    expect(byUri.value).toMatchObject({ content: 'You are a concise assistant.' });
    expect(byUri.isLatest).toBe(true);
  });

  it('answers not_found for an object version that does not exist', async () => {
    const error = await failure(
      runTool(getObjectTool, weave, { name: 'system-prompt', version: 'v9' }),
    );
    expect(error.kind).toBe('not_found');
  });
});

describe('neutral tracing and health', () => {
  it('searches traces as core Trace objects with wandb:// refs', async () => {
    const page = await weave.capabilities.tracing.searchTraces({
      scopes: [seed.projectId],
      filter: JSON.stringify({
        $expr: { $eq: [{ $getField: 'op_name' }, { $literal: 'x' }] },
      }),
      limit: 5,
    });
    expect(page.items).toEqual([]);
    const all = await weave.capabilities.tracing.searchTraces({ scopes: [], limit: 3 });
    expect(all.items).toHaveLength(3);
    expect(all.items[0]!.ref.uri).toBe(
      `wandb://${seed.entity}/${seed.project}/traces/${all.items[0]!.id}`,
    );
  });

  it('gets a trace with its spans from a trace ref', async () => {
    const trace = seed.agentTraces.find((t) => t.latencyMs === 1500)!;
    const uri = `wandb://${seed.entity}/${seed.project}/traces/${trace.traceId}`;
    const result = await weave.capabilities.tracing.getTrace(uri);
    expect(result.id).toBe(trace.traceId);
    expect(result.spans?.map((span) => span.name)).toEqual(['agent', 'retrieve', 'llm_call']);
  });

  it('logs neutral feedback on the root call of a trace', async () => {
    const trace = seed.agentTraces.find((t) => t.latencyMs === 3000)!;
    await weave.capabilities.tracing.logFeedback?.(trace.traceId, {
      name: 'helpfulness',
      value: 4,
      rationale: 'answered directly',
      source: 'eval-agent',
    });
    const listed = await runTool(listFeedbackTool, weave, { callId: trace.id });
    expect(listed.items).toEqual([
      expect.objectContaining({
        type: 'helpfulness',
        payload: { value: 4, rationale: 'answered directly' },
        creator: 'eval-agent',
      }),
    ]);
  });

  it('takes the project from entity and project inputs when no default is configured', async () => {
    const bare = clientWithKey(weaveApiKey, false);
    try {
      const missing = await failure(runTool(getCallStatsTool, bare, { project: seed.project }));
      expect(missing).toMatchObject({ kind: 'invalid_input', field: 'entity' });
      const split = await runTool(getCallStatsTool, bare, {
        entity: seed.entity,
        project: seed.project,
        opNames: ['agent'],
      });
      const joined = await runTool(getCallStatsTool, bare, {
        project: seed.projectId,
        opNames: ['agent'],
      });
      expect(split.count).toBe(seed.agentTraces.length);
      expect(joined).toEqual(split);
    } finally {
      await bare.close();
    }
  });

  it('reports the server healthy, authenticated and its version', async () => {
    const health = await weave.checkHealth();
    expect(health).toMatchObject({ reachable: true, authenticated: true, version: '0.52.42' });
  });

  it('rejects a wrong key as an auth error that does not repeat the key', async () => {
    const wrongKey = 'f'.repeat(40);
    const wrong = clientWithKey(wrongKey);
    try {
      const error = await failure(runTool(searchTracesTool, wrong, {}));
      expect(error.kind).toBe('auth');
      expect(error.message).not.toContain(wrongKey);
      expect(`${error.message} ${error.hint}`).not.toContain(weaveApiKey);
      const health = await wrong.checkHealth();
      expect(health).toMatchObject({ reachable: true, authenticated: false });
    } finally {
      await wrong.close();
    }
  });
});

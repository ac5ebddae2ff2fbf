import { randomBytes } from 'node:crypto';
import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../gateway.js';

/**
 * Code mode against a real, seeded MLflow: what a snippet can compute, and every way out of the
 * sandbox that a snippet might try, each contained with a clear error while the gateway keeps
 * serving.
 */
const CANARY = `canary-code-mode-${randomBytes(12).toString('hex')}`;
// The run's shared, seeded MLflow server (test/global-setup.ts).
const { url: mlflowUrl, seed } = sharedMlflow();
let gateway: Gateway;

type Result = Awaited<ReturnType<Gateway['callTool']>>;
type Structured = {
  result: unknown;
  calls: number;
  truncated?: boolean;
  note?: string;
  logs?: string[];
};

async function execute(code: string, signal?: AbortSignal): Promise<Result> {
  return gateway.callTool('mlops_execute', { code }, signal);
}

async function ok(code: string): Promise<Structured> {
  const answer = await execute(code);
  expect(answer.isError, JSON.stringify(answer.content).slice(0, 800)).toBeFalsy();
  return answer.structuredContent as Structured;
}

async function refused(code: string, signal?: AbortSignal) {
  const answer = await execute(code, signal);
  expect(answer.isError, JSON.stringify(answer).slice(0, 800)).toBe(true);
  const text = (answer.content[0] as { text: string }).text;
  return (
    JSON.parse(text) as { error: Record<string, unknown> & { kind: string; message: string } }
  ).error;
}

/** After any containment, the next snippet runs normally. */
async function stillServing() {
  expect((await ok('return 6 * 7')).result).toBe(42);
}

beforeAll(async () => {
  process.env.MLOPS_CODE_MODE_TEST_CANARY = CANARY;
  gateway = createGateway({
    mlflow: { trackingUri: mlflowUrl, token: CANARY },
    toolsets: ['code'],
    code: { timeoutMs: 3_000, memoryMb: 32, maxCalls: 20 },
  });
});

afterAll(async () => {
  delete process.env.MLOPS_CODE_MODE_TEST_CANARY;
  await gateway?.close();
});

describe('the code toolset', () => {
  it('lists just mlops_execute and mlops_api', () => {
    expect(gateway.tools.map((tool) => tool.name)).toEqual(['mlops_execute', 'mlops_api']);
  });
});

describe('mlops_execute', () => {
  it("returns exactly a bound function's structured content, as the tool call does", async () => {
    const direct = createGateway({ mlflow: { trackingUri: mlflowUrl }, toolsets: ['all'] });
    try {
      const args = { experimentIds: seed.experiments.map((e) => e.id), limit: 50 };
      const viaTool = await direct.callTool('mlflow_search_runs', args);
      const viaCode = await ok(`return await mlflow.searchRuns(${JSON.stringify(args)})`);
      expect(viaCode.result).toEqual(viaTool.structuredContent);
      expect(viaCode.calls).toBe(1);
    } finally {
      await direct.close();
    }
  });

  it('computes over many records and returns only the answer', async () => {
    const ids = JSON.stringify(seed.experiments.map((e) => e.id));
    const answer = await ok(`
      const counts: Record<string, number> = {};
      let cursor: string | undefined;
      do {
        const page = await mlflow.searchRuns({ experimentIds: ${ids}, limit: 3, cursor });
        for (const run of page.items) counts[run.status] = (counts[run.status] ?? 0) + 1;
        cursor = page.nextCursor;
      } while (cursor);
      return counts;`);
    const expected: Record<string, number> = {};
    for (const { status } of seed.runs) {
      expected[status.toLowerCase()] = (expected[status.toLowerCase()] ?? 0) + 1;
    }
    expect(answer.result).toEqual(expected);
    expect(answer.calls).toBeGreaterThan(1);
  });

  it('binds every read tool of the enabled backends and no write tool', async () => {
    const writable = createGateway({
      mlflow: { trackingUri: mlflowUrl },
      toolsets: ['code'],
      readOnly: false,
    });
    try {
      const answer = await writable.callTool('mlops_execute', {
        code: 'return { mlflow: Object.keys(mlflow), mlops: Object.keys(mlops) }',
      });
      const { mlflow: bound, mlops } = (answer.structuredContent as Structured).result as {
        mlflow: string[];
        mlops: string[];
      };
      expect(bound).toContain('searchRuns');
      expect(bound).toContain('getMetricHistory');
      expect(bound).not.toContain('createExperiment');
      expect(bound).not.toContain('deleteRun');
      expect(mlops).toContain('whatFailed');
      expect(mlops).not.toContain('execute');
      expect(bound.length).toBeGreaterThan(40);
    } finally {
      await writable.close();
    }
  });

  it("binds to the request's own backend when credentials come per request", async () => {
    const host = new URL(mlflowUrl).host;
    const shared = createGateway({
      perRequestBackends: ['mlflow'],
      toolsets: ['code'],
      http: { backendHeaders: true, backendHosts: [host] },
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await shared
      .createServer(new Headers({ 'x-mlflow-tracking-uri': mlflowUrl }))
      .connect(serverSide);
    const client = new Client({ name: 'code-mode-per-request', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      const result = await client.callTool({
        name: 'mlops_execute',
        arguments: {
          code: 'return (await mlflow.searchExperiments({ limit: 100 })).items.map((e) => e.name)',
        },
      });
      expect(result.isError).toBeFalsy();
      const names = (result.structuredContent as Structured).result as string[];
      expect(names).toEqual(expect.arrayContaining(seed.experiments.map((e) => e.name)));
    } finally {
      await client.close();
      await shared.close();
    }
  });

  it('returns console lines as logs', async () => {
    const answer = await ok('console.log("runs", 3, { a: 1 }); return null');
    expect(answer.logs).toEqual(['runs 3 {"a":1}']);
  });

  it("gives a bound call's structured error with the snippet's line", async () => {
    const error = await refused(
      'const a = 1;\nawait mlflow.getRun({ runId: "0".repeat(32) });\nreturn a;',
    );
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('mlflow_get_run');
    expect(error.line).toBe(2);
    expect(error.tool).toBe('mlflow_get_run');
  });

  it('gives an unknown argument the same structured error the tool gives', async () => {
    const error = await refused('\nreturn await mlflow.searchRuns({ query: "x" })');
    expect(error.kind).toBe('invalid_input');
    expect(error.unknown).toEqual(['query']);
    expect(error.line).toBe(2);
  });

  it("names the snippet's line when it throws", async () => {
    const error = await refused('const x = 1;\nconst y = 2;\nnull.boom;');
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/TypeError/);
    expect(error.line).toBe(3);
  });

  it('refuses a syntax error with a clear message', async () => {
    const error = await refused('return {{');
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/SyntaxError|not valid/);
    await stillServing();
  });

  it('reports progress of the bound calls to an MCP client', async () => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await gateway.createServer().connect(serverSide);
    const client = new Client({ name: 'code-mode', version: '1.0.0' });
    await client.connect(clientSide);
    const messages: string[] = [];
    try {
      const result = await client.callTool(
        {
          name: 'mlops_execute',
          arguments: { code: 'await mlflow.searchExperiments({}); return 1' },
        },
        { onprogress: (progress) => messages.push(progress.message ?? '') },
      );
      expect(result.isError).toBeFalsy();
      expect(messages).toContain('mlflow.searchExperiments…');
    } finally {
      await client.close();
    }
  });

  it('cancelling the MCP call mid-run aborts the snippet and its backend calls', async () => {
    const entries: { obj: Record<string, unknown>; msg?: string }[] = [];
    let finished: (entry: Record<string, unknown>) => void = () => {};
    const done = new Promise<Record<string, unknown>>((resolve) => {
      finished = resolve;
    });
    const record = (obj: object, msg?: string) => {
      const entry = obj as Record<string, unknown>;
      entries.push({ obj: entry, msg });
      if (entry.tool === 'mlops_execute') finished(entry);
    };
    const logged = createGateway(
      { mlflow: { trackingUri: mlflowUrl }, toolsets: ['code'], code: { maxCalls: 1000 } },
      { logger: { debug: record, info: record, warn: record, error: record } },
    );
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await logged.createServer().connect(serverSide);
    const client = new Client({ name: 'code-mode-cancel', version: '1.0.0' });
    await client.connect(clientSide);
    const controller = new AbortController();
    try {
      const call = client.callTool(
        {
          name: 'mlops_execute',
          arguments: { code: 'for (;;) { await mlflow.searchExperiments({}); }' },
        },
        { signal: controller.signal, onprogress: () => controller.abort('user stopped it') },
      );
      await expect(call).rejects.toThrow();
      const outcome = await done;
      expect(outcome).toMatchObject({ ok: false, kind: 'cancelled' });
      const backendCalls = entries.filter((e) => e.msg?.startsWith('code-mode call')).length;
      expect(backendCalls).toBeLessThan(1000);
    } finally {
      await client.close();
      await logged.close();
    }
  });

  it('stops the bound calls when the call is cancelled', async () => {
    const controller = new AbortController();
    const done = execute('for (;;) { await mlflow.searchExperiments({}); }', controller.signal);
    controller.abort();
    const answer = await done;
    expect(answer.isError).toBe(true);
    expect((answer.content[0] as { text: string }).text).toContain('"cancelled"');
    await stillServing();
  });
});

describe('the sandbox contains', () => {
  it.each([
    ['process', 'return typeof process'],
    ['require', 'return typeof require'],
    ['fetch', 'return typeof fetch'],
    ['timers', 'return [typeof setTimeout, typeof setInterval, typeof queueMicrotask].join()'],
    [
      'Node globals',
      'return [typeof Buffer, typeof global, typeof module, typeof WebAssembly].join()',
    ],
  ])('no %s', async (_name, code) => {
    const answer = await ok(code);
    expect(
      String(answer.result)
        .split(',')
        .every((t) => t === 'undefined'),
    ).toBe(true);
  });

  it('no import(): it fails as a module that cannot be loaded', async () => {
    const error = await refused(
      'const fs = await import("node:fs"); return fs.readFileSync("/etc/passwd", "utf8")',
    );
    expect(error.kind).toBe('invalid_input');
    await stillServing();
  });

  it('nothing but the bound namespaces and the language on globalThis', async () => {
    const answer = await ok(
      'return Object.getOwnPropertyNames(globalThis).filter((k) => !/^[A-Z]/.test(k)).sort()',
    );
    const names = answer.result as string[];
    expect(names).toEqual(expect.arrayContaining(['console', 'mlflow', 'mlops']));
    const language = new Set([
      'globalThis',
      'console',
      'mlflow',
      'mlops',
      'parseInt',
      'parseFloat',
      'isNaN',
      'isFinite',
      'decodeURI',
      'decodeURIComponent',
      'encodeURI',
      'encodeURIComponent',
      'escape',
      'unescape',
      'eval',
      'undefined',
      'NaN',
      'Infinity',
    ]);
    expect(names.filter((name) => !language.has(name))).toEqual([]);
  });

  it('no host realm through constructors: Function("return this") is the sandbox global', async () => {
    const answer = await ok(`
      const viaFunction = Function('return this')();
      const viaBound = mlflow.searchRuns.constructor.constructor('return this')();
      const viaCtor = (async () => {}).constructor.constructor('return typeof process')();
      return [viaFunction === globalThis, viaBound === globalThis, viaCtor];`);
    expect(answer.result).toEqual([true, true, 'undefined']);
  });

  it('prototype pollution: a __proto__ in results or arguments stays data', async () => {
    const answer = await ok(`
      const polluted = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}');
      Object.prototype.sandboxOnly = 'inside';
      const r = await mlflow.searchExperiments(JSON.parse('{"__proto__": {"limit": 1}}')).catch((e) => e.error.kind);
      return { polluted, r: typeof r === 'string' ? r : 'ok' };`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).sandboxOnly).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    const result = answer.result as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    await stillServing();
  });

  it('a bound function cannot be replaced', async () => {
    const answer = await ok(`
      try { mlflow.searchRuns = () => 1; } catch (e) { return 'refused: ' + e.name; }
      return typeof mlflow.searchRuns === 'function' && mlflow.searchRuns.length;`);
    expect(String(answer.result)).toMatch(/refused: TypeError|^1$/);
  });

  it('an infinite loop: stopped at the deadline', async () => {
    const error = await refused('for (;;) {}');
    expect(error.kind).toBe('timeout');
    expect(error.hint).toContain('MLOPS_MCP_CODE_TIMEOUT_MS');
    await stillServing();
  });

  it('a memory bomb: stopped at the memory cap', async () => {
    // A small cap and a long deadline, so the cap is what stops it.
    const small = createGateway({
      mlflow: { trackingUri: mlflowUrl },
      toolsets: ['code'],
      code: { memoryMb: 8, timeoutMs: 120_000 },
    });
    try {
      const answer = await small.callTool('mlops_execute', {
        code: 'const a = [];\nfor (;;) a.push({ n: a.length });',
      });
      expect(answer.isError).toBe(true);
      const { error } = JSON.parse((answer.content[0] as { text: string }).text);
      expect(error.kind).toBe('invalid_input');
      expect(error.message).toContain('out of memory');
      expect(error.hint).toContain('MLOPS_MCP_CODE_MEMORY_MB');
      const next = await small.callTool('mlops_execute', { code: 'return 1' });
      expect(next.structuredContent).toMatchObject({ result: 1 });
    } finally {
      await small.close();
    }
    await stillServing();
  });

  it('a deep recursion: a clear RangeError', async () => {
    const error = await refused('const f = (n) => f(n + 1) + 1;\nreturn f(0);');
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/RangeError|stack/i);
    await stillServing();
  });

  it('a promise flood: a microtask loop is stopped at the deadline', async () => {
    const error = await refused(
      'const spin = () => Promise.resolve().then(spin); spin(); await new Promise(() => {});',
    );
    expect(error.kind).toBe('timeout');
    await stillServing();
  });

  it('a backend call flood: stopped at the call limit', async () => {
    const error = await refused(
      'await Promise.all(Array.from({ length: 10000 }, () => mlflow.searchExperiments({})));',
    );
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain('more than 20 backend calls');
    expect(error.hint).toContain('MLOPS_MCP_CODE_MAX_CALLS');
    await stillServing();
  });

  it('a promise that never settles: a clear error, not a hang', async () => {
    const error = await refused('await new Promise(() => {});');
    expect(error.message).toContain('never settle');
    await stillServing();
  });

  it('a huge output: cut to the response budget, with a note', async () => {
    const answer = await ok(
      'return Array.from({ length: 20000 }, (_, i) => ({ i, text: "row " + i }))',
    );
    expect(answer.truncated).toBe(true);
    expect(answer.note).toMatch(/first \d+ of 20000 items/);
    expect((answer.result as unknown[]).length).toBeLessThan(20000);
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(8000 * 4);
  });

  it('a huge string: cut to the response budget, with a note', async () => {
    const answer = await ok('return "x".repeat(5_000_000)');
    expect(answer.truncated).toBe(true);
    expect(answer.note).toContain('JSON characters');
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(8000 * 4);
  });

  it('the canary secret: never reachable from a snippet', async () => {
    const answer = await execute(`
      const seen = [];
      const peek = (v) => { try { seen.push(JSON.stringify(v)); } catch (e) { seen.push(String(e)); } };
      peek(Object.getOwnPropertyNames(globalThis));
      peek(typeof process !== 'undefined' ? process.env : 'no process');
      for (const space of [mlflow, mlops]) for (const [name, fn] of Object.entries(space)) peek(name + fn.toString());
      peek(await mlops.overview({}));
      peek(await mlflow.searchExperiments({}));
      peek(await mlflow.searchRuns({}).catch((e) => e.error));
      return seen.join('\\n');`);
    const everything = JSON.stringify(answer);
    expect(everything).not.toContain(CANARY);
    expect(answer.isError).toBeFalsy();
  });
});

describe('mlops_api', () => {
  it('without a query: one line per bound function', async () => {
    const answer = await gateway.callTool('mlops_api', {});
    const { declarations, matched } = answer.structuredContent as {
      declarations: string;
      matched: number;
    };
    expect(matched).toBeGreaterThan(40);
    expect(declarations).toContain('mlflow.searchRuns(args) //');
    expect(declarations).toContain('mlops.whatFailed(args) //');
  });

  it("with a query: full declarations from the tools' own schemas, best first", async () => {
    const answer = await gateway.callTool('mlops_api', { query: 'search runs', backend: 'mlflow' });
    const { declarations, matched, more } = answer.structuredContent as {
      declarations: string;
      matched: number;
      more?: string[];
    };
    const lines = declarations.split('\n');
    expect(lines[0]).toMatch(/^type Ref = \{ backend: "mlflow" \| "wandb" \| "prefect"; /);
    const first = lines.slice(1, 3).join('\n');
    expect(first).toContain('mlflow.searchRuns(args?: {');
    // Arguments carry their own schema's docs.
    expect(first).toMatch(/\/\*\* [^*]+ \*\/ orderBy\?: string\[\]/);
    expect(first).toContain('Promise<{ items: Array<{ ref?: Ref; id?: string');
    expect(first).toContain('nextCursor?: string');
    expect(declarations).not.toContain('wandb.');
    // Four in full by default; the other matches by name.
    expect(lines.filter((line) => line.startsWith('mlflow.'))).toHaveLength(4);
    expect(more).toHaveLength(Math.min(30, matched - 4));
  });
});

import { stripTypeScriptTypes } from 'node:module';
import * as releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { InvalidInputError, MlopsError, TimeoutError } from '@mlops-mcp/core';
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSContext,
  type QuickJSDeferredPromise,
  type QuickJSHandle,
  type QuickJSSyncVariant,
} from 'quickjs-emscripten-core';

/** QuickJS's release build, synchronous (bound functions return promises, no asyncify needed). */
const VARIANT = ((releaseSync as { default?: unknown }).default ??
  releaseSync) as QuickJSSyncVariant;

/** Limits of one snippet run; every one is settable (see CodeLimitsSchema). */
export interface SandboxLimits {
  /** Wall-clock deadline of the whole run, backend calls included. */
  timeoutMs: number;
  /** Heap of the QuickJS runtime. */
  memoryBytes: number;
  /** Backend calls (bound functions) one run may make. */
  maxCalls: number;
}

/** A bound function's answer: its structured content, or the structured error agents get. */
export type BoundOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: Record<string, unknown> & { kind: string; message: string } };

/** What the sandbox may call: `<namespace>.<method>` → a host call by tool name. */
export interface SandboxBinding {
  namespace: string;
  method: string;
  tool: string;
}

export interface SandboxRun {
  code: string;
  bindings: readonly SandboxBinding[];
  limits: SandboxLimits;
  signal: AbortSignal;
  /** Runs one bound call (JSON args in, JSON-able outcome out); never throws. */
  call(tool: string, args: unknown, signal: AbortSignal): Promise<BoundOutcome>;
}

export interface SandboxResult {
  /** The snippet's return value, as JSON text (`undefined` returns `null`). */
  json: string;
  calls: number;
  logs: string[];
}

/** The file name errors and stack traces give the snippet. */
const FILE = 'snippet.ts';
const MAX_LOG_LINES = 50;
const MAX_LOG_CHARS = 500;
const MAX_CONCURRENT_CALLS = 8;
const JOB_BATCH = 10_000;

/**
 * Runs in the fresh context before the snippet: binds each namespace's functions over the one
 * host function (strings in, strings out), keeps the host function out of reach, and gives a
 * console that only collects lines. Bound functions are frozen, so the snippet cannot swap them.
 */
const PRELUDE = `(function (call, log, bindingsText) {
  const stringify = JSON.stringify, parse = JSON.parse, ErrorCtor = Error;
  const bindings = parse(bindingsText);
  const bind = (tool) => async function (args) {
    const site = new ErrorCtor().stack;
    const text = await call(tool, stringify(args === undefined ? {} : args));
    const outcome = parse(text);
    if (outcome.ok) return outcome.value;
    const error = new ErrorCtor(outcome.error.message);
    error.name = 'ToolError';
    error.tool = tool;
    error.error = outcome.error;
    error.callSite = site;
    throw error;
  };
  const spaces = {};
  for (const [space, method, tool] of bindings) {
    (spaces[space] = spaces[space] || {})[method] = bind(tool);
  }
  for (const space of Object.keys(spaces)) {
    Object.defineProperty(globalThis, space, { value: Object.freeze(spaces[space]), enumerable: true });
  }
  const show = (v) => typeof v === 'string' ? v : (() => { try { return stringify(v); } catch { return String(v); } })();
  const line = (...values) => log(values.map(show).join(' '));
  globalThis.console = Object.freeze({ log: line, info: line, warn: line, error: line, debug: line });
})`;

/** Wraps the snippet so `await` and `return` work at its top level, on its own line numbers. */
const wrap = (code: string) => `(async () => {${code}\n})()`;

/**
 * Settles the snippet's promise into one JSON text, inside the sandbox (so no sandbox object
 * ever reaches the host): `{ok, json}` or `{ok:false, name, message, stack, ...}`.
 */
const SETTLE = `(function (p) {
  const stringify = JSON.stringify;
  return p.then(
    (v) => { try { return stringify({ ok: true, json: v === undefined ? 'null' : stringify(v) }); }
             catch (e) { return stringify({ ok: false, name: 'TypeError', message: 'The result is not JSON: ' + String(e && e.message) }); } },
    (e) => {
      const o = { ok: false };
      try {
        o.name = String(e && e.name || 'Error'); o.message = String(e && e.message !== undefined ? e.message : e);
        o.stack = String(e && e.stack || ''); o.callSite = e && e.callSite ? String(e.callSite) : undefined;
        o.tool = e && typeof e.tool === 'string' ? e.tool : undefined;
        o.error = e && e.name === 'ToolError' && e.error ? e.error : undefined;
      } catch { o.name = 'Error'; o.message = 'The snippet threw a value that cannot be read.'; }
      return stringify(o);
    });
})`;

/** Turns TypeScript into JavaScript on the same lines and columns (Node's own type stripping). */
export function stripTypes(code: string): string {
  try {
    return withoutExperimentalWarning(() => stripTypeScriptTypes(code, { mode: 'strip' }));
  } catch (error) {
    throw new InvalidInputError(
      `The snippet is not valid TypeScript/JavaScript: ${error instanceof Error ? error.message : String(error)}`,
      {
        field: 'code',
        hint: 'Write plain JavaScript or TypeScript without enums or namespaces; top-level await and return are allowed.',
      },
    );
  }
}

/**
 * Runs `strip` without the one-time "stripTypeScriptTypes is an experimental feature" warning
 * Node prints as plain text on stderr, where the gateway writes JSON log lines only.
 */
function withoutExperimentalWarning<T>(strip: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.includes('stripTypeScriptTypes')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return strip();
  } finally {
    process.emitWarning = emit;
  }
}

/** The snippet's line of the innermost frame in a QuickJS stack, if any. */
export function snippetLine(stack: string | undefined): number | undefined {
  const match = /snippet\.ts:(\d+)/.exec(stack ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Runs one snippet in a fresh WebAssembly QuickJS instance (its own linear memory, disposed
 * afterwards, so nothing survives a run and a runaway snippet cannot poison the next one).
 * Nothing from the host is reachable inside but the bound functions, which take and give JSON
 * text. Throws an MlopsError on any failure, naming the snippet's line when there is one.
 */
export async function runInSandbox(run: SandboxRun): Promise<SandboxResult> {
  const js = stripTypes(wrap(run.code));
  if (run.signal.aborted) throw cancelled();
  const module = await newQuickJSWASMModuleFromVariant(VARIANT);
  const runtime = module.newRuntime();
  const deadline = Date.now() + run.limits.timeoutMs;
  const calls = new AbortController();
  const onAbort = () => {
    calls.abort(run.signal.reason);
    wake?.();
  };
  run.signal.addEventListener('abort', onAbort, { once: true });
  let stopped: MlopsError | undefined;
  let wake: (() => void) | undefined;
  const stop = (error: MlopsError) => {
    stopped ??= error;
    calls.abort(error);
    wake?.();
  };
  runtime.setMemoryLimit(run.limits.memoryBytes);
  // Well inside the host's own stack, so a deep recursion is the snippet's RangeError.
  runtime.setMaxStackSize(256 * 1024);
  const context = runtime.newContext();
  const logs: string[] = [];
  let callCount = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  /** Completions to apply inside the run loop (QuickJS is only touched from there). */
  const completions: (() => void)[] = [];
  const pending = new Set<QuickJSDeferredPromise>();
  try {
    const host = context.newFunction('call', (toolHandle, argsHandle) => {
      const tool = context.getString(toolHandle);
      const argsText = context.getString(argsHandle);
      const deferred = context.newPromise();
      pending.add(deferred);
      callCount += 1;
      if (callCount > run.limits.maxCalls) {
        stop(
          new InvalidInputError(
            `The snippet made more than ${run.limits.maxCalls} backend calls, the limit of one run.`,
            {
              hint: 'Ask for bigger pages (limit) or fewer records, or raise MLOPS_MCP_CODE_MAX_CALLS.',
              details: { limit: 'maxCalls' },
            },
          ),
        );
        return deferred.handle;
      }
      const settle = (outcome: BoundOutcome) => {
        completions.push(() => {
          if (!pending.delete(deferred)) return;
          const text = context.newString(JSON.stringify(outcome));
          deferred.resolve(text);
          text.dispose();
          deferred.dispose();
        });
        wake?.();
      };
      const start = async () => {
        if (inFlight >= MAX_CONCURRENT_CALLS) await new Promise<void>((r) => waiting.push(r));
        inFlight += 1;
        try {
          let args: unknown;
          try {
            args = JSON.parse(argsText);
          } catch {
            args = undefined;
          }
          settle(await run.call(tool, args, calls.signal));
        } finally {
          inFlight -= 1;
          waiting.shift()?.();
        }
      };
      void start();
      return deferred.handle;
    });
    const log = context.newFunction('log', (lineHandle) => {
      if (logs.length < MAX_LOG_LINES) {
        const line = context.getString(lineHandle);
        logs.push(line.length > MAX_LOG_CHARS ? `${line.slice(0, MAX_LOG_CHARS)}…` : line);
      } else if (logs.length === MAX_LOG_LINES) {
        logs.push(`(more console lines dropped; at most ${MAX_LOG_LINES} are kept)`);
      }
    });
    const bindings = context.newString(
      JSON.stringify(run.bindings.map((b) => [b.namespace, b.method, b.tool])),
    );
    const prelude = context.unwrapResult(context.evalCode(PRELUDE, 'prelude.js'));
    context
      .unwrapResult(context.callFunction(prelude, context.undefined, host, log, bindings))
      .dispose();
    for (const handle of [prelude, bindings, host, log]) handle.dispose();

    const settleFn = context.unwrapResult(context.evalCode(SETTLE, 'settle.js'));
    // From here on the snippet runs: stop it at the deadline, on cancellation, or at a limit.
    runtime.setInterruptHandler(() => Date.now() > deadline || run.signal.aborted || !!stopped);
    const evaluated = context.evalCode(js, FILE);
    if (evaluated.error) {
      const failure = describe(context, evaluated.error);
      evaluated.error.dispose();
      settleFn.dispose();
      throw snippetError(failure, stopped, run, deadline);
    }
    const outcomeHandle = context.unwrapResult(
      context.callFunction(settleFn, context.undefined, evaluated.value),
    );
    evaluated.value.dispose();
    settleFn.dispose();
    const outcome = context.resolvePromise(outcomeHandle);
    outcomeHandle.dispose();
    let settled: QuickJSHandle | undefined;
    let failed: QuickJSHandle | undefined;
    void outcome.then((result) => {
      if (result.error) failed = result.error;
      else settled = result.value;
      wake?.();
    });

    const timer = setTimeout(() => wake?.(), Math.max(0, deadline - Date.now()) + 5);
    try {
      for (;;) {
        for (const apply of completions.splice(0)) apply();
        const jobs = runtime.executePendingJobs(JOB_BATCH);
        // A job the interrupt handler stopped: the checks below say why.
        if (jobs.error) jobs.error.dispose();
        if (stopped || run.signal.aborted || Date.now() > deadline) break;
        // Lets the host side of resolvePromise see a settled snippet.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (settled || failed) break;
        if (runtime.hasPendingJob() || completions.length > 0) continue;
        if (pending.size === 0) {
          throw new InvalidInputError(
            'The snippet is waiting on a promise that can never settle (there are no timers and no pending backend calls).',
            { hint: 'Await only the bound functions and promises they settle.' },
          );
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          if (completions.length > 0 || stopped || run.signal.aborted) resolve();
        });
        wake = undefined;
      }
    } finally {
      clearTimeout(timer);
    }
    if (stopped) throw stopped;
    if (run.signal.aborted) throw cancelled();
    if (!settled && !failed) throw timeoutError(run.limits.timeoutMs);
    if (failed) {
      const failure = describe(context, failed);
      (failed as QuickJSHandle).dispose();
      throw snippetError(failure, stopped, run, deadline);
    }
    const text = context.getString(settled as unknown as QuickJSHandle);
    (settled as unknown as QuickJSHandle).dispose();
    const result = JSON.parse(text) as Failure & { ok: boolean; json?: string };
    if (!result.ok) throw snippetError(result, stopped, run, deadline);
    const json = result.json ?? 'null';
    return { json, calls: Math.min(callCount, run.limits.maxCalls), logs };
  } finally {
    run.signal.removeEventListener('abort', onAbort);
    calls.abort();
    for (const deferred of pending) {
      try {
        deferred.dispose();
      } catch {
        // The runtime goes with the module below.
      }
    }
    try {
      context.dispose();
      runtime.dispose();
    } catch {
      // A runtime stopped mid-way (out of memory, interrupted) may refuse an orderly dispose;
      // its whole WebAssembly instance is dropped here anyway.
    }
  }
}

interface Failure {
  name?: string;
  message?: string;
  stack?: string;
  callSite?: string;
  tool?: string;
  error?: Record<string, unknown> & { kind: string; message: string };
}

/** Reads an error thrown at evaluation (syntax errors) without trusting its shape. */
function describe(context: QuickJSContext, handle: QuickJSHandle): Failure {
  try {
    const value = context.dump(handle) as unknown;
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      return {
        name: typeof record.name === 'string' ? record.name : 'Error',
        message: typeof record.message === 'string' ? record.message : String(value),
        stack: typeof record.stack === 'string' ? record.stack : undefined,
      };
    }
    return { name: 'Error', message: String(value) };
  } catch {
    return { name: 'Error', message: 'The snippet failed with a value that cannot be read.' };
  }
}

function cancelled(): MlopsError {
  return new MlopsError('cancelled', 'The call was cancelled while the snippet ran.');
}

function timeoutError(timeoutMs: number): TimeoutError {
  return new TimeoutError(`The snippet ran past its ${timeoutMs} ms deadline and was stopped.`, {
    hint: 'Make fewer or smaller backend calls, avoid unbounded loops, or raise MLOPS_MCP_CODE_TIMEOUT_MS.',
  });
}

/** The structured error for a snippet that failed: a bound call's own error, or the snippet's. */
function snippetError(
  failure: Failure,
  stopped: MlopsError | undefined,
  run: SandboxRun,
  deadline: number,
): MlopsError {
  if (stopped) return stopped;
  const line = snippetLine(failure.callSite) ?? snippetLine(failure.stack);
  const at = line === undefined ? '' : ` (snippet line ${line})`;
  if (failure.error && failure.tool) {
    const { kind, message, hint, ...rest } = failure.error;
    return new MlopsError(
      (kind as MlopsError['kind']) ?? 'backend',
      `${failure.tool} failed${at}: ${message}`,
      {
        hint: typeof hint === 'string' ? hint : undefined,
        details: { ...rest, tool: failure.tool, ...(line === undefined ? {} : { line }) },
      },
    );
  }
  const message = failure.message ?? '';
  if (message === 'interrupted' || Date.now() > deadline) {
    if (run.signal.aborted) return cancelled();
    return timeoutError(run.limits.timeoutMs);
  }
  if (/out of memory/i.test(message)) {
    return new InvalidInputError(
      `The snippet ran out of memory${at}: its limit is ${Math.round(run.limits.memoryBytes / 1048576)} MiB.`,
      {
        hint: 'Keep fewer records in memory (aggregate as you go), or raise MLOPS_MCP_CODE_MEMORY_MB.',
        details: { line },
      },
    );
  }
  return new InvalidInputError(`The snippet threw ${failure.name ?? 'Error'}${at}: ${message}`, {
    field: 'code',
    hint: 'Fix the snippet and run it again; mlops_api shows each bound function and its arguments.',
    details: line === undefined ? undefined : { line },
  });
}

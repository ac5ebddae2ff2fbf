import { type AnyToolDefinition, estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { z } from 'zod';
import { type CodeContext, defineCodeTool, invokeBound } from './code-context.js';
import { declarationOf, firstSentence, REF_DECLARATION } from './declarations.js';

/** Characters of JSON a cut result leaves for its own note and envelope. */
const ENVELOPE_CHARS = 600;
const MAX_CODE_CHARS = 20_000;
/** Further matches named by mlops_api, at most (`matched` says how many there are). */
const MAX_MORE = 30;

/**
 * mlops_execute: one snippet, many backend calls, one small answer. The snippet runs in a fresh
 * WebAssembly QuickJS sandbox; every enabled read tool is an async function in it.
 */
export const executeTool = defineCodeTool({
  name: 'mlops_execute',
  title: 'Run a JavaScript snippet over the read tools',
  description:
    'Run a JS/TS snippet in a sandbox where each read tool is an async function returning its ' +
    'structured result (mlflow_search_runs: `await mlflow.searchRuns({...})`) and get back only what ' +
    'it returns: exact aggregates over many records in few tokens; mlops_api lists the functions.',
  namespace: 'mlops',
  toolsets: ['code'],
  access: 'read',
  inputSchema: z.object({
    code: z
      .string()
      .min(1)
      .max(MAX_CODE_CHARS)
      .describe(
        'The snippet; e.g. const r = await mlflow.searchRuns({limit: 100}); return r.items.length;',
      ),
  }),
  outputSchema: z.object({
    result: z.unknown().describe("The snippet's return value."),
    calls: z.number().describe('Backend calls the snippet made.'),
    truncated: z.boolean().optional(),
    note: z.string().optional().describe('Set when the result was cut to the response budget.'),
    logs: z.array(z.string()).optional(),
  }),
  async handler({ code }, { client, signal, progress, maxResponseTokens, logger }) {
    const byTool = new Map(client.functions.map((fn) => [fn.tool.name, fn]));
    let ticks = 0;
    const tick = (message: string) => progress({ progress: ++ticks, message }).catch(() => {});
    // QuickJS and its WebAssembly load on the first snippet, not at every start.
    const { runInSandbox } = await import('./sandbox.js');
    const run = await runInSandbox({
      code,
      bindings: client.functions.map((fn) => ({
        namespace: fn.namespace,
        method: fn.method,
        tool: fn.tool.name,
      })),
      limits: client.limits,
      signal,
      async call(tool, args, callSignal) {
        const fn = byTool.get(tool)!;
        const name = `${fn.namespace}.${fn.method}`;
        await tick(`${name}…`);
        return invokeBound(fn, args, {
          signal: callSignal,
          maxResponseTokens,
          logger,
          progress: async (update) =>
            tick(update.message ? `${name}: ${update.message}` : `${name}…`),
        });
      },
    });
    const fitted = fitResult(JSON.parse(run.json), maxResponseTokens);
    return {
      result: fitted.value,
      calls: run.calls,
      ...(fitted.note ? { truncated: true, note: fitted.note } : {}),
      ...(run.logs.length > 0 ? { logs: run.logs } : {}),
    };
  },
});

/**
 * Cuts a result to the response budget and says how: the first items of the (largest) list, or
 * else the start of its JSON text. Never silent.
 */
export function fitResult(value: unknown, maxTokens: number): { value: unknown; note?: string } {
  const budget = Math.max(200, maxTokens * 4 - ENVELOPE_CHARS);
  const size = (v: unknown) => toCompactJson(v).length;
  if (size(value) <= budget) return { value };
  const advice =
    `to fit the ${maxTokens}-token response budget (MLOPS_MCP_MAX_RESPONSE_TOKENS); ` +
    'return an aggregate or fewer records.';
  const cutList = (list: unknown[], fits: (kept: unknown[]) => boolean): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(list.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  if (Array.isArray(value)) {
    const kept = cutList(value, (items) => size(items) <= budget);
    if (kept > 0) {
      return {
        value: value.slice(0, kept),
        note: `Result cut to its first ${kept} of ${value.length} items ${advice}`,
      };
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const lists = Object.entries(record)
      .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
      .sort((a, b) => size(b[1]) - size(a[1]));
    const largest = lists[0];
    if (largest) {
      const [key, list] = largest;
      const kept = cutList(list, (items) => size({ ...record, [key]: items }) <= budget);
      if (kept > 0) {
        return {
          value: { ...record, [key]: list.slice(0, kept) },
          note: `Result cut: "${key}" keeps its first ${kept} of ${list.length} items ${advice}`,
        };
      }
    }
  }
  const json = toCompactJson(value);
  return {
    value: json.slice(0, budget),
    note: `Result cut to the first ${budget} of its ${json.length} JSON characters (now a string) ${advice}`,
  };
}

/** mlops_api: the bound functions as TypeScript, found by keyword or backend. */
export const apiTool = defineCodeTool({
  name: 'mlops_api',
  title: 'TypeScript API of the functions mlops_execute binds',
  description:
    "TypeScript declarations of the functions mlops_execute binds, from the tools' schemas; " +
    'filter by keywords and/or backend (best matches in full, the rest by name).',
  namespace: 'mlops',
  toolsets: ['code'],
  access: 'read',
  inputSchema: z.object({
    query: z.string().max(200).optional().describe('e.g. "metric history"'),
    backend: z.enum(['mlops', 'mlflow', 'wandb', 'prefect']).optional(),
    limit: z.number().int().min(1).max(20).default(4),
  }),
  outputSchema: z.object({
    declarations: z.string().describe('TypeScript declarations, best matches first.'),
    matched: z.number(),
    more: z
      .array(z.string())
      .optional()
      .describe('Further matches left out to fit the response budget: ask for them by name.'),
  }),
  async handler({ query, backend, limit }, { client, maxResponseTokens }) {
    const functions = client.functions.filter((fn) => !backend || fn.namespace === backend);
    const words = (query ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 1);
    const scored = functions
      .map((fn) => ({ fn, score: words.length === 0 ? 1 : score(fn.tool, fn.method, words) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score);
    const budget = maxResponseTokens - 300;
    const parts: string[] = [];
    const more: string[] = [];
    let used = 0;
    for (const { fn } of scored) {
      const text =
        words.length === 0
          ? `${fn.namespace}.${fn.method}(args) // ${firstSentence(fn.tool.description)}`
          : declarationOf(fn.tool);
      const cost = estimateTokens(text) + 1;
      if (used + cost > budget || (words.length > 0 && parts.length >= limit)) {
        if (more.length < MAX_MORE) more.push(`${fn.namespace}.${fn.method}`);
        continue;
      }
      used += cost;
      parts.push(text);
    }
    const header =
      words.length === 0
        ? '// Bound functions (ask with query for their full declarations):\n'
        : parts.some((part) => /\bRef\b/.test(part))
          ? `${REF_DECLARATION}\n`
          : '';
    return {
      declarations: header + parts.join('\n'),
      matched: scored.length,
      ...(more.length > 0 ? { more } : {}),
    };
  },
});

/** How well a tool matches the keywords: name hits count most, then argument and doc hits. */
function score(tool: AnyToolDefinition, method: string, words: readonly string[]): number {
  const name = `${tool.name} ${method}`.toLowerCase();
  const doc =
    `${tool.description} ${Object.keys(tool.inputSchema.shape ?? {}).join(' ')}`.toLowerCase();
  let total = 0;
  for (const word of words) {
    const stem = word.replace(/s$/, '');
    if (name.includes(stem)) total += 3;
    else if (doc.includes(stem)) total += 1;
  }
  // Exact name lookups ("mlflow.searchRuns") come first.
  if (words.join('') === name.replaceAll('_', '').split(' ')[0]) total += 10;
  return total;
}

/** The code toolset's tools. */
export const codeTools: readonly AnyToolDefinition<CodeContext>[] = [executeTool, apiTool];

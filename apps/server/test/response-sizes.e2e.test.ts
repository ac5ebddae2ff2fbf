import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { estimateTokens } from '@mlops-mcp/core';
import { type MlflowAttachmentSeed, seedMlflowAttachments } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTools } from '../src/backends/all-tools.js';
import {
  isResponseSizeCurrent,
  RESPONSE_SIZES_FILE,
  type ResponseSize,
  type ResponseSizes,
} from '../src/docs/response-sizes.js';
import { createGateway, type Gateway } from '../src/index.js';
import { type AllBackends, startAllBackends } from './all-backends.js';
import { type CaseContext, RESPONSE_CASES } from './response-sizes/cases.js';

/**
 * The response size of every tool on the seeded backends (real MLflow, Prefect and Weave, the
 * W&B stand-in), one typical call each (test/response-sizes/cases.ts), as a client receives it.
 * docs/tool-responses.json records the sizes and docs/TOOLS.md shows them; regenerate both with
 * `pnpm docs:responses` (UPDATE_RESPONSE_SIZES=1 runs this file and rewrites the JSON).
 * The backends are this file's own: it calls every write tool (deletes included) and records
 * sizes of whole-workspace lists, and MLflow needs the job runner and private-IP webhooks.
 */
const update = process.env.UPDATE_RESPONSE_SIZES === '1';
const MAX_RESPONSE_TOKENS = 8000;
/** A tight budget a user may set: every list must cut its page to fit it. */
const SMALL_BUDGET = 1000;

let backends: AllBackends;
let gateway: Gateway;
let tight: Gateway;
let context: CaseContext;
let hooks: Server;
let attachments: MlflowAttachmentSeed;
/** Every case's outcome, by tool name, in case order. */
const measured = new Map<string, ResponseSize & { ok: boolean; text: string }>();
/** Read tools' answers under SMALL_BUDGET: tokens, and how many items a list kept. */
const underTightBudget = new Map<string, { tokens: number; items?: number }>();

beforeAll(async () => {
  hooks = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(200).end('received'));
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  backends = await startAllBackends({
    mlflowEnv: {
      // Prompt optimization jobs need the server's job runner; webhooks a local target.
      MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'true',
      MLFLOW_SERVER_JOB_EXECUTION_ENGINE: 'executor',
      MLFLOW_SERVER_JOB_ENABLE_PERIODIC_TASKS: 'false',
      MLFLOW_WEBHOOK_ALLOWED_SCHEMES: 'http,https',
      MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS: 'true',
      MLFLOW_WEBHOOK_REQUEST_MAX_RETRIES: '0',
    },
  });
  attachments = await seedMlflowAttachments(backends.mlflow.server.url);
  gateway = createGateway(
    backends.gatewayConfig({
      readOnly: false,
      toolsets: ['all'],
      maxResponseTokens: MAX_RESPONSE_TOKENS,
    }),
  );
  await measureEveryCase();
  tight = createGateway(
    backends.gatewayConfig({ toolsets: ['all'], maxResponseTokens: SMALL_BUDGET }),
  );
  await measureReadsUnderTightBudget();
}, 600_000);

afterAll(async () => {
  await Promise.all([gateway?.close(), tight?.close()]);
  await backends?.stop();
  await new Promise((resolve) => hooks?.close(resolve));
});

async function measureEveryCase(): Promise<void> {
  const results = new Map<string, Record<string, unknown>>();
  context = {
    backends,
    attachments,
    hookUrl: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`,
    got: (tool) => {
      const result = results.get(tool);
      if (!result) throw new Error(`case ${tool} has not run or failed`);
      return result;
    },
  };
  for (const testCase of RESPONSE_CASES) {
    let args: Record<string, unknown>;
    try {
      args = testCase.args(context);
    } catch (error) {
      measured.set(testCase.tool, { tokens: 0, images: 0, ok: false, text: String(error) });
      continue;
    }
    const result = await gateway.callTool(testCase.tool, args);
    const text = resultText(result);
    const images = result.content.filter((part) => part.type === 'image').length;
    measured.set(testCase.tool, {
      tokens: estimateTokens(text),
      images,
      ok: !result.isError,
      text,
    });
    if (!result.isError) {
      results.set(testCase.tool, (result.structuredContent ?? {}) as Record<string, unknown>);
    }
  }
}

/** The text a client receives (images aside), as one string. */
function resultText(result: Awaited<ReturnType<Gateway['callTool']>>): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** The read cases again, on a read-only gateway with SMALL_BUDGET, after the full measurement. */
async function measureReadsUnderTightBudget(): Promise<void> {
  const reads = new Set(tight.tools.map((tool) => tool.name));
  for (const testCase of RESPONSE_CASES.filter((c) => reads.has(c.tool))) {
    const result = await tight.callTool(testCase.tool, testCase.args(context));
    const text = resultText(result);
    const items = (result.structuredContent as { items?: unknown[] } | undefined)?.items;
    underTightBudget.set(testCase.tool, {
      tokens: estimateTokens(text),
      ...(items ? { items: items.length } : {}),
    });
  }
}

describe('tool response sizes on the seeded backends', () => {
  it('has exactly one typical call for every tool of the registry', () => {
    const cases = RESPONSE_CASES.map((testCase) => testCase.tool);
    expect([...cases].sort()).toEqual(
      allTools()
        .map((tool) => tool.name)
        .sort(),
    );
    expect(new Set(cases).size).toBe(cases.length);
  });

  it('answers every typical call with a result, not an error', () => {
    const failed = [...measured]
      .filter(([, outcome]) => !outcome.ok)
      .map(([tool, outcome]) => `${tool}: ${outcome.text.slice(0, 400)}`);
    expect(failed).toEqual([]);
    expect(measured.size).toBe(RESPONSE_CASES.length);
  });

  it(`keeps every response within the ${MAX_RESPONSE_TOKENS}-token response budget`, () => {
    const over = [...measured]
      .filter(([, outcome]) => outcome.tokens > MAX_RESPONSE_TOKENS)
      .map(([tool, outcome]) => `${tool}: ${outcome.tokens}`);
    expect(over).toEqual([]);
  });

  it(`cuts every list to a ${SMALL_BUDGET}-token budget, keeping at least one item`, () => {
    const lists = [...underTightBudget].filter(([, answer]) => answer.items !== undefined);
    expect(lists.length).toBeGreaterThanOrEqual(30);
    const over = lists
      .filter(([, answer]) => answer.tokens > SMALL_BUDGET && (answer.items ?? 0) > 1)
      .map(([tool, answer]) => `${tool}: ${answer.tokens} tokens, ${answer.items} items`);
    expect(over).toEqual([]);
    // The budget bites: some lists that were longer under the default budget were cut.
    const cut = lists.filter(([tool]) => (measured.get(tool)?.tokens ?? 0) > SMALL_BUDGET);
    expect(cut.length).toBeGreaterThan(5);
  });

  it(`matches ${RESPONSE_SIZES_FILE} (run \`pnpm docs:responses\` after changing a tool)`, () => {
    const fresh: ResponseSizes = {
      maxResponseTokens: MAX_RESPONSE_TOKENS,
      tools: Object.fromEntries(
        allTools().map((tool) => {
          const outcome = measured.get(tool.name);
          return [tool.name, { tokens: outcome?.tokens ?? 0, images: outcome?.images ?? 0 }];
        }),
      ),
    };
    const file = new URL(`../../../${RESPONSE_SIZES_FILE}`, import.meta.url);
    if (update) writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as ResponseSizes;
    const stale = Object.entries(fresh.tools)
      .filter(([tool, size]) => {
        const before = recorded.tools[tool];
        return !before || !isResponseSizeCurrent(before, size);
      })
      .map(
        ([tool, size]) =>
          `${tool}: recorded ${recorded.tools[tool]?.tokens ?? 'nothing'}, measured ${size.tokens}`,
      );
    expect(stale).toEqual([]);
    expect(Object.keys(recorded.tools).sort()).toEqual(Object.keys(fresh.tools).sort());
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayEnv, type SpawnedGateway, spawnHttpGateway } from './binary.js';

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in the catalog)
 * run against the built gateway over Streamable HTTP: every server scenario of `--suite all`.
 * docs/CONFORMANCE.md has the same table with the reasons.
 */
const PASSES = [
  'server-initialize',
  'ping',
  'tools-list',
  'resources-list',
  'prompts-list',
  'dns-rebinding-protection',
  // Stateless HTTP gives no session id: the suite warns and checks nothing that fails.
  'server-sse-polling',
  'server-sse-multiple-streams',
];
/** Capabilities the gateway does not offer: the answer must be JSON-RPC "Method not found". */
const NOT_OFFERED = [
  'logging-set-level',
  'completion-complete',
  'resources-subscribe',
  'resources-unsubscribe',
];
/** They call the suite's own fixture tools, resources and prompts (test_*, test://...). */
const NOT_APPLICABLE = [
  'tools-call-simple-text',
  'tools-call-image',
  'tools-call-audio',
  'tools-call-embedded-resource',
  'tools-call-mixed-content',
  'tools-call-with-logging',
  'tools-call-error',
  'tools-call-with-progress',
  'tools-call-sampling',
  'tools-call-elicitation',
  'json-schema-2020-12',
  'elicitation-sep1034-defaults',
  'elicitation-sep1330-enums',
  'resources-read-text',
  'resources-read-binary',
  'resources-templates-read',
  'prompts-get-simple',
  'prompts-get-with-args',
  'prompts-get-embedded-resource',
  'prompts-get-with-image',
];

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  errorMessage?: string;
}

const BIN = join(
  import.meta.dirname,
  '..',
  'node_modules',
  '@modelcontextprotocol',
  'conformance',
  'dist',
  'index.js',
);
let gateway: SpawnedGateway;
let out: string;
let listed: string[] = [];
const results = new Map<string, Check[]>();

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

beforeAll(async () => {
  const port = await freePort();
  // The suite sends no Authorization header: loopback without a token.
  gateway = await spawnHttpGateway(
    ['--http', '--port', String(port)],
    gatewayEnv({ MLFLOW_TRACKING_URI: 'http://127.0.0.1:1', MLOPS_MCP_HTTP_ALLOW_NO_AUTH: 'true' }),
  );
  const url = /"url":"(http:\/\/[^"]+\/mcp)"/.exec(gateway.stderr())![1]!;
  out = mkdtempSync(join(tmpdir(), 'mlops-mcp-conformance-'));
  const list = await run(['list']);
  const server = list.stdout.split(/Client scenarios/)[0]!;
  listed = [...server.matchAll(/^\s+- (\S+)/gm)].map((m) => m[1]!);
  await run(['server', '--url', url, '--suite', 'all', '-o', out]);
  for (const dir of readdirSync(out)) {
    const name = /^server-(.+)-\d{4}-\d\d-\d\dT/.exec(dir)?.[1];
    const file = readdirSync(join(out, dir)).find((f) => f.endsWith('.json'));
    if (name && file)
      results.set(name, JSON.parse(readFileSync(join(out, dir, file), 'utf8')) as Check[]);
  }
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the MCP conformance suite 0.1.16 over Streamable HTTP', () => {
  it('has no server scenario this file does not classify', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...PASSES, ...NOT_OFFERED, ...NOT_APPLICABLE].sort());
  });

  it.each(PASSES)('%s passes', (scenario) => {
    const checks = results.get(scenario);
    expect(checks, `no result for ${scenario}`).toBeDefined();
    expect(checks!.filter((c) => c.status === 'FAILURE')).toEqual([]);
  });

  it.each(NOT_OFFERED)('%s: not offered, answered with -32601 Method not found', (scenario) => {
    const failures = results.get(scenario)!.filter((c) => c.status === 'FAILURE');
    expect(failures.map((c) => c.errorMessage)).toEqual([
      'Failed: MCP error -32601: Method not found',
    ]);
  });

  it('the capabilities it does not offer are not advertised', async () => {
    const res = await fetch(/"url":"(http:\/\/[^"]+\/mcp)"/.exec(gateway.stderr())![1]!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'c', version: '0' },
        },
      }),
    });
    const text = await res.text();
    const body = JSON.parse(text.startsWith('{') ? text : /^data: (.*)$/m.exec(text)![1]!) as {
      result: { capabilities: Record<string, { subscribe?: boolean } | undefined> };
    };
    const caps = body.result.capabilities;
    expect(caps.logging).toBeUndefined();
    expect(caps.completions).toBeUndefined();
    expect(caps.resources?.subscribe).not.toBe(true);
  });

  it.each(NOT_APPLICABLE)('%s: not applicable (needs the suite fixture)', (scenario) => {
    // Each fails only on the missing fixture: a test_* tool, test:// resource or test prompt
    // (with-logging first sets a log level: logging is not offered, -32601).
    const failures = results.get(scenario)!.filter((c) => c.status === 'FAILURE');
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures)
      expect(f.errorMessage).toMatch(
        /-32602: (Tool|Prompt) test_\w+ not found|-32602: Resource not found: test:\/\/|Tool 'json_schema_2020_12_tool' not found|^Failed: MCP error -32601: Method not found$/,
      );
  });
});

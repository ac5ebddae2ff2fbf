// Smoke run of the built gateway on whatever `node` runs this script (test.sh runs it on the
// oldest supported Node line): --version, initialize + tools/list over stdio, and over
// Streamable HTTP with a token. One PASS/FAIL line per check, then "smoke: N passed, N failed";
// writes .smoke-report.json (vitest's report fields) for scripts/test-summary.mjs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../apps/server/dist/cli/main.js', import.meta.url));
const REPORT = fileURLToPath(new URL('../.smoke-report.json', import.meta.url));
const env = {
  ...process.env,
  MLFLOW_TRACKING_URI: 'http://127.0.0.1:1',
  MLOPS_MCP_LOG_LEVEL: 'info',
};
const init = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'smoke', version: '0' },
  },
};
const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name.padEnd(34)} ${detail}`);
}
const withTimeout = (p, ms, what) =>
  Promise.race([
    p,
    new Promise((_, rej) =>
      setTimeout(() => rej(new Error(`${what}: no answer in ${ms} ms`)), ms).unref(),
    ),
  ]);

async function version() {
  const child = spawn(process.execPath, [BIN, '--version'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const [code] = await once(child, 'close');
  check('--version', code === 0 && /^\d+\.\d+\.\d+/.test(out), out.trim());
}

async function stdio() {
  const child = spawn(process.execPath, [BIN], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const replies = new Map();
  let buf = '';
  const done = new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
    child.stdout.setEncoding('utf8').on('data', (c) => {
      buf += c;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (msg.id !== undefined) replies.set(msg.id, msg);
        if (replies.has(2)) resolve();
      }
    });
  });
  child.stdin.write(
    `${JSON.stringify(init)}\n${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n${JSON.stringify(list)}\n`,
  );
  try {
    await withTimeout(done, 30_000, 'stdio');
    check(
      'stdio initialize',
      Boolean(replies.get(1)?.result?.serverInfo),
      replies.get(1)?.result?.serverInfo?.version,
    );
    const n = replies.get(2)?.result?.tools?.length ?? 0;
    check('stdio tools/list', n > 0, `${n} tools`);
  } catch (e) {
    check('stdio initialize + tools/list', false, String(e));
  } finally {
    child.kill('SIGTERM');
  }
}

async function http() {
  const token = 'smoke-token-0123456789abcdef';
  const child = spawn(process.execPath, [BIN, 'serve', '--http', '--port', '0'], {
    env: { ...env, MLOPS_MCP_HTTP_TOKEN: token },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  try {
    const url = await withTimeout(
      new Promise((resolve, reject) => {
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
        child.stderr.setEncoding('utf8').on('data', (c) => {
          err += c;
          const line = err.split('\n').find((l) => l.includes('"msg":"listening"'));
          if (line) resolve(JSON.parse(line).url);
        });
      }),
      30_000,
      'http listen',
    );
    const post = (body) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${token}`,
          'mcp-protocol-version': '2025-06-18',
        },
        body: JSON.stringify(body),
      });
    const parse = async (res) => {
      const text = await res.text();
      const data = text.startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '{}');
      return JSON.parse(data);
    };
    const a = await post(init);
    const ai = await parse(a);
    check('http initialize', a.status === 200 && Boolean(ai.result?.serverInfo), `${a.status}`);
    const b = await post(list);
    const n = (await parse(b)).result?.tools?.length ?? 0;
    check('http tools/list', b.status === 200 && n > 0, `${b.status}, ${n} tools`);
  } catch (e) {
    check('http initialize + tools/list', false, String(e));
  } finally {
    child.kill('SIGTERM');
  }
}

await version();
await stdio();
await http();
writeFileSync(
  REPORT,
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    numFailedTestSuites: failed > 0 ? 1 : 0,
  }),
);
console.log(`smoke (node ${process.versions.node}): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

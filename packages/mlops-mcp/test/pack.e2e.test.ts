import { type SpawnOptions, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The published package as a user gets it: `npm pack` of the built package (turbo builds it
 * before tests), installed from the tarball into an empty folder with plain npm (no pnpm, no
 * workspace), then run through npx and imported as a library, types included.
 */
const PKG_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
// Settings that need no running backend: tools/list and `tools` only read configuration.
const BACKEND = {
  MLFLOW_TRACKING_URI: 'http://127.0.0.1:1',
  PREFECT_API_URL: 'http://127.0.0.1:1/api',
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], options: SpawnOptions & { input?: string } = {}) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A child that exits without reading stdin makes this write fail with EPIPE; its exit code
    // and output are what the tests check.
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input ?? '');
  });
}

/**
 * A user's shell: this machine's environment (PATH, HOME, proxy and CA settings npm needs to
 * reach the registry) without what pnpm and vitest add (npm_*, NODE_OPTIONS, VITEST*).
 */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$|NODE_ENV$|TEST$)/.test(k),
    ),
  );
  return { ...env, ...extra };
}

let work: string;
let app: string;
let tarball: string;
let packedFiles: string[];
let packedManifest: string;
let install: Run;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mlops-mcp-pack-'));
  app = join(work, 'app');
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: PKG_DIR,
    env: userEnv(),
  });
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, info.filename);
  packedFiles = info.files.map((f) => f.path);
  const tar = await run('tar', ['-xzOf', tarball, 'package/package.json']);
  packedManifest = tar.stdout;
  // An empty folder and plain npm, as a user would: `npm install <tarball>`.
  await run('mkdir', ['-p', app]);
  install = await run('npm', ['install', '--no-audit', '--no-fund', tarball], {
    cwd: app,
    env: userEnv(),
  });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the bundle, its types and the charts font, and no sources or maps', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/mlflow.d.ts',
        'fonts/DejaVuSans.ttf',
        'README.md',
      ]),
    );
    expect(packedFiles.filter((f) => /\.(map|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('names no workspace or catalog dependency', () => {
    expect(packedManifest).not.toMatch(/workspace:|catalog:|@mlops-mcp\//);
  });

  it('imports nothing at run time that is not one of its dependencies', () => {
    const dist = join(app, 'node_modules', 'mlops-mcp', 'dist');
    const specifiers = new Set<string>();
    for (const file of packedFiles.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(dist, '..', file), 'utf8');
      const statics = text.matchAll(/^(?:import|export)\b[^\n]*?\bfrom\s*"([^".][^"]*)"/gm);
      const dynamics = text.matchAll(/\bimport\(\s*"([^".][^"]*)"\s*\)/g);
      for (const m of [...statics, ...dynamics]) {
        const spec = m[1]!;
        if (spec.startsWith('node:')) continue;
        specifiers.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
        );
      }
    }
    expect([...specifiers].filter((s) => !(s in manifest.dependencies))).toEqual([]);
  });
});

describe('installed from the tarball with plain npm', () => {
  it('installs', () => {
    expect(install.code, install.stderr).toBe(0);
  });

  it('npx mlops-mcp --version prints the package version', async () => {
    const r = await run('npx', ['--no-install', 'mlops-mcp', '--version'], {
      cwd: app,
      env: userEnv(),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(manifest.version);
  });

  it('npx mlops-mcp tools lists the tools an agent gets', async () => {
    const r = await run('npx', ['--no-install', 'mlops-mcp', 'tools'], {
      cwd: app,
      env: userEnv(BACKEND),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('mlflow_search_runs');
    expect(r.stdout).toContain('mlops_what_failed');
  });

  it('answers initialize and tools/list over stdio (npx mlops-mcp)', async () => {
    const replies = await stdioSession([{ jsonrpc: '2.0', id: 2, method: 'tools/list' }]);
    const init = replies.get(1)!.result as { serverInfo: { version: string } };
    expect(init.serverInfo.version).toBe(manifest.version);
    const tools = (replies.get(2)!.result as { tools: { name: string }[] }).tools;
    expect(tools.length).toBeGreaterThan(10);
    expect(tools.map((t) => t.name)).toContain('mlops_what_failed');
  });

  it('runs a code-mode snippet in its WebAssembly sandbox (mlops_execute)', async () => {
    const snippet = 'const xs: number[] = [1, 2, 3]; return xs.reduce((a, b) => a + b, 0);';
    const replies = await stdioSession(
      [
        {
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/call',
          params: { name: 'mlops_execute', arguments: { code: snippet } },
        },
      ],
      { MLOPS_MCP_TOOLSETS: 'code' },
    );
    expect(replies.get(2)!.result).toMatchObject({ structuredContent: { result: 6 } });
  });

  it('serves the library entry points with their types (createGateway, adapters)', async () => {
    writeFileSync(
      join(app, 'agent.ts'),
      [
        "import { createGateway, type Gateway } from 'mlops-mcp';",
        "import { type Run, MlopsError } from 'mlops-mcp/core';",
        "import { createMlflowAdapter } from 'mlops-mcp/mlflow';",
        "import * as wandb from 'mlops-mcp/wandb';",
        "import * as prefect from 'mlops-mcp/prefect';",
        "import * as charts from 'mlops-mcp/charts';",
        "const gateway: Gateway = createGateway({ mlflow: { trackingUri: 'http://127.0.0.1:1' } });",
        "const adapter = createMlflowAdapter({ trackingUri: 'http://127.0.0.1:1' });",
        'const runs: Run[] = [];',
        'export const parts = [gateway.tools.length, adapter, runs, MlopsError, wandb, prefect, charts];',
        // A wrong use must fail the type check: the types are real, not `any`.
        '// @ts-expect-error the config is an object',
        'createGateway(42);',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['agent.ts'],
      }),
    );
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ ...readJson(join(app, 'package.json')), type: 'module' }),
    );
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    const typed = await run(process.execPath, [tsc, '-p', app], { cwd: app, env: userEnv() });
    expect(typed.code, typed.stdout + typed.stderr).toBe(0);

    const script = [
      "const { createGateway, VERSION } = await import('mlops-mcp');",
      "const mlflow = await import('mlops-mcp/mlflow');",
      "const charts = await import('mlops-mcp/charts');",
      'console.log(JSON.stringify({ createGateway: typeof createGateway, VERSION,',
      '  mlflow: Object.keys(mlflow).length, charts: Object.keys(charts).length }));',
    ].join('\n');
    const r = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: app,
      env: userEnv(),
    });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ createGateway: 'function', VERSION: manifest.version });
    expect(out.mlflow).toBeGreaterThan(0);
    expect(out.charts).toBeGreaterThan(0);
  });
});

describe('npm publish --dry-run', () => {
  it('is clean: exit 0 and no warning but the missing login of a dry run', async () => {
    const r = await run('npm', ['publish', '--dry-run'], { cwd: PKG_DIR, env: userEnv() });
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr
      .split('\n')
      .filter((l) => /npm warn/i.test(l) && !/requires you to be logged in/.test(l));
    expect(warnings).toEqual([]);
    expect(r.stdout).toContain(`mlops-mcp@${manifest.version}`);
  });
});

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * One stdio session with the installed binary: initialize, then `requests` (the last one's id
 * is 2); the replies by id once id 2 has answered.
 */
async function stdioSession(
  requests: Record<string, unknown>[],
  env: Record<string, string> = {},
): Promise<Map<number, { result?: Record<string, unknown> }>> {
  const messages = [
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'pack-test', version: '0' },
      },
    },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    ...requests,
  ];
  const child = spawn('npx', ['--no-install', 'mlops-mcp'], {
    cwd: app,
    env: userEnv({ ...BACKEND, ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const replies = new Map<number, { result?: Record<string, unknown> }>();
  let buffer = '';
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      buffer += c;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let msg: { id?: number; result?: Record<string, unknown> };
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          // stdout is the MCP channel: anything else on it is a failure of this test, not a crash.
          reject(new Error(`not a JSON-RPC line on stdout: ${line.slice(0, 200)}`));
          return;
        }
        if (typeof msg.id === 'number') replies.set(msg.id, msg);
        if (replies.has(2)) resolve();
        nl = buffer.indexOf('\n');
      }
    });
  });
  child.stdin.on('error', () => {});
  for (const m of messages) child.stdin.write(`${JSON.stringify(m)}\n`);
  try {
    await done;
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'close');
  }
  return replies;
}

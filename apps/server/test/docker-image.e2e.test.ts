import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The Docker image, built from a clean clone of HEAD with the repository's Dockerfile and run:
 * scripts/docker-smoke.sh starts a Docker engine if none answers (Debian's docker.io), builds a
 * local stand-in for node:24-bookworm-slim (Docker Hub is out of reach here), builds the image
 * and checks it, one PASS/FAIL line per check. It needs root (apt-get, dockerd, debootstrap),
 * which CI has; elsewhere this file is skipped and says why.
 *
 * The build waits on the network and the disk most of its minutes, so scripts/test.sh starts the
 * script in the background before anything else and names its output folder in
 * MLOPS_MCP_DOCKER_SMOKE (stdout, stderr, and `rc` written last); this file then reads that run
 * instead of starting its own.
 */
const SCRIPT = fileURLToPath(new URL('../../../scripts/docker-smoke.sh', import.meta.url));
const isRoot = process.getuid?.() === 0;

const results = new Map<string, { passed: boolean; detail: string }>();
let exitCode: number | null = null;
let stdout = '';
let stderrTail = '';

/** Runs scripts/docker-smoke.sh here; its progress (stderr) is passed through as it comes. */
function runSmoke(): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', [SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = `${stderrTail}${chunk}`.slice(-8_000);
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

/** The result of the run scripts/test.sh started in `dir`, once its `rc` file appears. */
async function backgroundSmoke(dir: string): Promise<number | null> {
  const rcFile = join(dir, 'rc');
  await new Promise<void>((resolve, reject) => {
    const watcher = watch(dir, () => {
      if (existsSync(rcFile)) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    watcher.on('error', reject);
    if (existsSync(rcFile)) done();
  });
  stdout = await readFile(join(dir, 'stdout'), 'utf8');
  stderrTail = (await readFile(join(dir, 'stderr'), 'utf8')).slice(-8_000);
  process.stderr.write(stderrTail);
  const rc = Number.parseInt(await readFile(rcFile, 'utf8'), 10);
  return Number.isNaN(rc) ? null : rc;
}

beforeAll(async () => {
  if (!isRoot) return;
  const background = process.env.MLOPS_MCP_DOCKER_SMOKE;
  exitCode = background ? await backgroundSmoke(background) : await runSmoke();
  for (const line of stdout.split('\n')) {
    const match = /^(PASS|FAIL) (.+?)\s{2,}(.*)$/.exec(line) ?? /^(PASS|FAIL) (.+)$/.exec(line);
    if (match)
      results.set(match[2]!.trim(), { passed: match[1] === 'PASS', detail: match[3] ?? '' });
  }
}, 1_500_000);

describe.runIf(isRoot)('the Docker image', () => {
  it('builds and passes every check of scripts/docker-smoke.sh', () => {
    expect(exitCode, `${stdout}\n${stderrTail}`).toBe(0);
    expect(results.size).toBeGreaterThanOrEqual(12);
  });

  it.each([
    ['version', 'prints the gateway version'],
    ['user (docker run id)', 'runs as the unprivileged node user (uid 1000)'],
    ['stdio', 'answers initialize and tools/list over stdio and exits on EOF'],
    ['http GET /health', 'serves /health over HTTP'],
    ['http /mcp no token -> 401', 'refuses a request without the bearer token'],
    ['http /mcp bad token -> 401', 'refuses a wrong bearer token'],
    ['http foreign Host -> 403', 'refuses a foreign Host header'],
    ['http foreign Origin -> 403', 'refuses a foreign Origin'],
    ['http initialize + token', 'initializes an MCP session with the token'],
    ['http tools/list + token', 'lists tools over HTTP with the token'],
    ['user (running process)', 'serves HTTP as uid 1000'],
    ['docker stop (SIGTERM)', 'stops cleanly on SIGTERM'],
  ])('%s: %s', (check) => {
    const result = results.get(check);
    expect(result, `no "${check}" line in the smoke output`).toBeDefined();
    expect(result?.passed, result?.detail).toBe(true);
  });
});

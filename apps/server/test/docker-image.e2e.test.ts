import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The Docker image, built from a clean clone of HEAD with the repository's Dockerfile and run:
 * scripts/docker-smoke.sh starts a Docker engine if none answers (Debian's docker.io), builds a
 * local stand-in for node:24-bookworm-slim (Docker Hub is out of reach here), builds the image
 * and checks it, one PASS/FAIL line per check. It needs root (apt-get, dockerd, debootstrap),
 * which CI has; elsewhere this file is skipped and says why.
 */
const SCRIPT = fileURLToPath(new URL('../../../scripts/docker-smoke.sh', import.meta.url));
const isRoot = process.getuid?.() === 0;

const results = new Map<string, { passed: boolean; detail: string }>();
let exitCode: number | null = null;
let stdout = '';
let stderrTail = '';

beforeAll(async () => {
  if (!isRoot) return;
  exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', [SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    // Progress goes to stderr; keep its tail for a failure message.
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = `${stderrTail}${chunk}`.slice(-8_000);
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
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

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup } from '../src/process-group.js';
import { WATCHDOG_SOURCE } from '../src/watchdog.js';
import { groupAlive } from './helpers.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'testkit-pg-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('process groups', () => {
  it('stop() terminates the leader and its grandchildren', async () => {
    const dir = tempDir();
    const proc = spawnGroup('bash', ['-c', 'sleep 600 & sleep 600 & wait'], {
      cwd: dir,
      env: process.env,
      logFile: join(dir, 'log'),
      cleanupDir: dir,
    });
    expect(groupAlive(proc.pid)).toBe(true);
    await proc.stop();
    expect(proc.exited()).toBe(true);
    expect(groupAlive(proc.pid)).toBe(false);
    await proc.stop(); // idempotent
  });

  it('the watchdog reaps the group and removes its dir when the owner goes away', async () => {
    const dir = tempDir();
    const victim = spawn('bash', ['-c', 'trap "" TERM; sleep 600 & wait'], {
      detached: true,
      stdio: 'ignore',
    });
    const pgid = victim.pid!;
    const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(pgid), dir, '500'], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    // The group ignores SIGTERM, so this also exercises the SIGKILL fallback.
    // An owner dying closes the watchdog's stdin, exactly like this.
    watchdog.stdin.end();
    await once(watchdog, 'exit');
    expect(groupAlive(pgid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});

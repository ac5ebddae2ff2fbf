import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { secrets } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n') };
}

describe('gateway logger', () => {
  it('writes one JSON object per line', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).info({ tool: 'x' }, 'tool call');
    expect(JSON.parse(lines()[0]!)).toMatchObject({ msg: 'tool call', tool: 'x', level: 30 });
  });

  it('redacts registered secrets from messages and fields', () => {
    secrets.add('canary-secret-logger-1');
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    logger.warn(
      { detail: 'key=canary-secret-logger-1', nested: { v: 'canary-secret-logger-1' } },
      'failed with canary-secret-logger-1',
    );
    expect(lines().join('\n')).not.toContain('canary-secret-logger-1');
  });

  it('a line logged just before the process exits still reaches stderr', () => {
    // The built module: the child is plain Node. The test command builds before it tests.
    const built = pathToFileURL(`${import.meta.dirname}/../dist/logger.js`).href;
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { createLogger } = await import(${JSON.stringify(built)});
         createLogger('info').info({ n: 1 }, 'last words');
         process.exit(3);`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(3);
    expect(child.stdout).toBe('');
    expect(JSON.parse(child.stderr.trim())).toMatchObject({ msg: 'last words', n: 1 });
  });
});

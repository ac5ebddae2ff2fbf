import { PassThrough, Writable } from 'node:stream';
import { silentLogger } from '@mlops-mcp/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway } from '../gateway.js';
import { runStdio } from './stdio.js';

// No request here reaches the backend.
const gateway = createGateway({ mlflow: { trackingUri: 'http://127.0.0.1:9' } });
const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
})}\n`;

afterAll(() => gateway.close());

describe('runStdio', () => {
  it('resolves 0 when the client closes stdin', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const answered = new Promise((resolve) => stdout.once('data', resolve));
    const code = runStdio(gateway, silentLogger, { stdin, stdout });
    stdin.write(INITIALIZE);
    await answered;
    stdin.end();
    expect(await code).toBe(0);
  });

  it('resolves 1 when the session ends while stdin is still open', async () => {
    const stdin = new PassThrough();
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('EPIPE: the client stopped reading'));
      },
    });
    const code = runStdio(gateway, silentLogger, { stdin, stdout });
    stdin.write(INITIALIZE);
    expect(await code).toBe(1);
  });
});

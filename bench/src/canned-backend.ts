import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopChild } from './gateway-binary.js';

const SERVER = fileURLToPath(new URL('./canned-backend-server.js', import.meta.url));

/** A tiny backend process that answers every request with one fixed JSON body. */
export interface CannedBackend {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a loopback HTTP server process answering every request with `body` (a response
 * recorded from a real backend), so throughput measures the gateway rather than the backend.
 */
export async function startCannedBackend(body: string): Promise<CannedBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'mlops-mcp-bench-'));
  const file = join(dir, 'body.json');
  await writeFile(file, body);
  const child = spawn(process.execPath, [SERVER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
      });
      child.once('exit', (code) => reject(new Error(`canned backend exited with ${code}`)));
    });
    return {
      url,
      async stop() {
        child.stdin!.end();
        await stopChild(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

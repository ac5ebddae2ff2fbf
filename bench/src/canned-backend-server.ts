import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny backend process that answers every request with one fixed JSON body (the file named by
 * the first argument) and prints `{"url":...}` once it listens. It runs in its own process so
 * that both benchmark arms cross a process boundary to reach it, as they would a real backend.
 */
const bytes = readFileSync(process.argv[2]!);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.end(bytes);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
// Stop with the parent: it closes our stdin when it is done (or dies).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

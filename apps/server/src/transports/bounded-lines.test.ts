import { describe, expect, it } from 'vitest';
import { BoundedLines, type OversizedLine, oversizedLineId } from './bounded-lines.js';

/** Feeds chunks through a BoundedLines of `max` bytes; returns the lines passed on and the ones dropped. */
async function run(max: number, chunks: (string | Buffer)[]) {
  const oversized: OversizedLine[] = [];
  const lines = new BoundedLines(max, (line) => oversized.push(line));
  const out: string[] = [];
  let maxHeld = 0;
  lines.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  for (const chunk of chunks) {
    lines.write(chunk);
    maxHeld = Math.max(maxHeld, lines.heldBytes);
  }
  lines.end();
  await new Promise((resolve) => lines.on('end', resolve));
  return { out, oversized, maxHeld };
}

describe('BoundedLines', () => {
  it('passes each line on whole, however the input is chunked', async () => {
    const { out } = await run(100, ['{"a":', '1}\n{"b":2}\n{"c"', ':3}\r\n']);
    expect(out).toEqual(['{"a":1}\n', '{"b":2}\n', '{"c":3}\r\n']);
  });

  it('drops a line over the limit holding at most the limit, and passes the next line', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const start = '{"method":"tools/call","params":{"p":"';
    const end = '"},"jsonrpc":"2.0","id":42}';
    const chunks: (string | Buffer)[] = [start];
    for (let i = 0; i < 40; i++) chunks.push(chunk);
    chunks.push(`${end}\n{"jsonrpc":"2.0","id":43,"method":"ping"}\n`);
    const { out, oversized, maxHeld } = await run(1024 * 1024, chunks);
    expect(out).toEqual(['{"jsonrpc":"2.0","id":43,"method":"ping"}\n']);
    expect(oversized).toEqual([{ bytes: start.length + 40 * chunk.length + end.length, id: 42 }]);
    expect(maxHeld).toBeLessThanOrEqual(1024 * 1024);
  });

  it('reports an oversized line that the input ends in', async () => {
    const { oversized } = await run(10, ['{"jsonrpc":"2.0","id":"a","method":"x","params":{}}']);
    expect(oversized).toEqual([{ bytes: 51, id: 'a' }]);
  });
});

describe('oversizedLineId', () => {
  const id = (head: string, tail = '') => oversizedLineId(Buffer.from(head), Buffer.from(tail));

  it.each([
    ['{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"x":"', 7],
    ['{ "jsonrpc": "2.0", "method": "tools/call", "id": "req-1", "params"', 'req-1'],
  ])('reads the id among the first members: %s', (head, expected) => {
    expect(id(head)).toBe(expected);
  });

  it('reads the id of the last member, as the SDK client writes it', () => {
    expect(id('{"method":"tools/call","params":{', 'xx"}},"jsonrpc":"2.0","id":12}')).toBe(12);
  });

  it.each([
    ['{"method":"tools/call","params":{"id":3,', 'xx"}}}'],
    ['{"method":"x","params":{"a":"', 'y","id":5}}'],
    ['[{"jsonrpc":"2.0","id":1}', ',{"jsonrpc":"2.0","id":2}]'],
    ['{"method":"x","params":{"s":"', '\\",\\"id\\":9}"}'],
  ])('answers null when no top-level id shows: %s … %s', (head, tail) => {
    expect(id(head, tail)).toBeNull();
  });
});

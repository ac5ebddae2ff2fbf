import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MlopsError } from '@mlops-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exceptionMessage } from './exception-message.js';
import { createWeaveClient, validateWeaveQuery } from './index.js';
import { parseTimeBound } from './time-bound.js';
import { shortOpName } from './weave-ids.js';
import { isoFromWeave } from './weave-time.js';

function invalid(fn: () => unknown): MlopsError {
  try {
    fn();
  } catch (error) {
    if (MlopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('Weave query validation', () => {
  it('accepts every operator of the query model', () => {
    const query = {
      $expr: {
        $and: [
          { $eq: [{ $getField: 'op_name' }, { $literal: 'a' }] },
          { $not: [{ $gt: [{ $getField: 'summary.weave.latency_ms' }, { $literal: 5 }] }] },
          {
            $or: [
              { $gte: [{ $literal: 1 }, { $literal: 0 }] },
              { $lt: [{ $literal: 0 }, { $literal: 1 }] },
            ],
          },
          {
            $lte: [{ $convert: { input: { $getField: 'inputs.k' }, to: 'int' } }, { $literal: 3 }],
          },
          { $in: [{ $getField: 'op_name' }, [{ $literal: 'a' }, { $literal: 'b' }]] },
          {
            $contains: {
              input: { $getField: 'display_name' },
              substr: { $literal: 'x' },
              case_insensitive: true,
            },
          },
        ],
      },
    };
    expect(validateWeaveQuery(query)).toBe(query);
  });

  it('names the path of a comparison with the wrong number of operands', () => {
    const error = invalid(() =>
      validateWeaveQuery({ $expr: { $or: [{ $eq: [{ $literal: 1 }] }] } }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'query' });
    expect(error.message).toContain('query.$expr.$or[0].$eq');
    expect(error.message).toContain('expected 2 operands, got 1');
  });

  it('rejects an operand where $expr needs an operation', () => {
    const error = invalid(() => validateWeaveQuery({ $expr: { $literal: true } }));
    expect(error.message).toContain('"$literal" is an operand');
  });

  it('rejects an unknown $convert target and extra top-level keys', () => {
    const badCast = invalid(() =>
      validateWeaveQuery({
        $expr: { $eq: [{ $convert: { input: { $literal: 1 }, to: 'date' } }, { $literal: 1 }] },
      }),
    );
    expect(badCast.message).toContain('query.$expr.$eq[0].$convert.to');
    const extra = invalid(() => validateWeaveQuery({ $expr: { $and: [] }, limit: 3 }));
    expect(extra.message).toContain('exactly one operator key, got 2');
  });
});

describe('Weave value parsing', () => {
  it('reads time bounds as spans back from now or ISO dates (UTC when no zone)', () => {
    const now = Date.parse('2024-05-10T12:00:00Z');
    expect(parseTimeBound('24h', 'startedAfter', now).toISOString()).toBe(
      '2024-05-09T12:00:00.000Z',
    );
    expect(parseTimeBound('30m', 'startedAfter', now).toISOString()).toBe(
      '2024-05-10T11:30:00.000Z',
    );
    expect(parseTimeBound('2024-05-01', 'startedAfter').toISOString()).toBe(
      '2024-05-01T00:00:00.000Z',
    );
    expect(parseTimeBound('2024-05-01T08:00:00', 'x').toISOString()).toBe(
      '2024-05-01T08:00:00.000Z',
    );
    expect(invalid(() => parseTimeBound('yesterday', 'startedBefore'))).toMatchObject({
      kind: 'invalid_input',
      field: 'startedBefore',
    });
  });

  it('shortens external and internal op refs to the op name', () => {
    expect(shortOpName('weave:///acme/agents/op/Evaluation.evaluate:abc123')).toBe(
      'Evaluation.evaluate',
    );
    expect(shortOpName('weave-trace-internal:///UHJvamVjdA==/op/agent:xyz')).toBe('agent');
    expect(shortOpName('openai.chat.completions.create')).toBe('openai.chat.completions.create');
  });

  it('normalises the three timestamp spellings the trace server uses', () => {
    expect(isoFromWeave('2024-05-01T10:00:00.123456Z')).toBe('2024-05-01T10:00:00.123Z');
    expect(isoFromWeave('2024-05-01 10:00:00.5+00:00')).toBe('2024-05-01T10:00:00.500Z');
    expect(isoFromWeave('2024-05-01T10:00:00.250')).toBe('2024-05-01T10:00:00.250Z');
  });

  it('turns the SDK exception JSON into "Type: message" and keeps plain text', () => {
    const json = JSON.stringify({
      type: 'KeyError',
      message: "'answer'",
      traceback: [{ line: 1 }],
    });
    expect(exceptionMessage(json)).toBe("KeyError: 'answer'");
    expect(exceptionMessage('socket hang up')).toBe('socket hang up');
  });
});

describe('calls stream that breaks mid-body', () => {
  let server: Server;
  let requests = 0;

  beforeAll(async () => {
    // Sends two rows, then cuts the connection: a stand-in for a trace server dying mid-answer.
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/jsonl' });
      const row = (id: string) =>
        `${JSON.stringify({ id, project_id: 'e/p', op_name: 'op', trace_id: 't', started_at: '2024-05-01T00:00:00Z' })}\n`;
      res.write(row('a') + row('b'));
      setImmediate(() => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails as unavailable without replaying the request (rows were already consumed)', async () => {
    const { port } = server.address() as AddressInfo;
    const client = createWeaveClient({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9',
      graphqlUrl: 'http://127.0.0.1:9/graphql',
      traceServerUrl: `http://127.0.0.1:${port}`,
      apiKeySource: 'env',
    });
    const seen: string[] = [];
    try {
      const error = await client
        .streamCalls(
          { project_id: 'e/p' },
          {
            maxRows: 100,
            accept: (call) => {
              seen.push(call.id);
              return true;
            },
          },
        )
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(MlopsError.isInstance(error) && error.kind).toBe('unavailable');
      expect(seen).toEqual(['a', 'b']);
      expect(requests).toBe(1);
    } finally {
      await client.close();
    }
  });
});

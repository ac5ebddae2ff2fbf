import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failure, runTool, type WandbStandin, wandbStandinSchemaSdl } from '@mlops-mcp/testkit';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandinAdapter } from '../../test/standin-adapter.js';
import { createWandbAdapter, type WandbAdapter, wandbSettingsFromEnv } from '../index.js';
import { getProjectTool } from '../projects/get-project.js';
import { listProjectsTool } from '../projects/list-projects.js';
import { diagnoseRunTool } from '../runs/diagnose-run.js';
import { getRunTool } from '../runs/get-run.js';
import { searchRunsTool } from '../runs/search-runs.js';
import { WANDB_GRAPHQL_DOCUMENTS } from './documents/index.js';
import { OPTIONAL_FIELDS } from './server-fields.js';
import { trimDocument } from './trim-document.js';

const project = 'llm-finetune';
const started: { standin: WandbStandin; wandb: WandbAdapter }[] = [];

async function olderServer(
  lacksFields: string[],
  introspection = true,
): Promise<{ standin: WandbStandin; wandb: WandbAdapter }> {
  const pair = await startStandinAdapter({}, { lacksFields, introspection });
  started.push(pair);
  return pair;
}

afterAll(async () => {
  for (const { standin, wandb } of started) {
    await wandb.close();
    await standin.stop();
  }
});

describe('the W&B stand-in as an older server', () => {
  it('answers a field it lacks with HTTP 400 and a GraphQL validation error', async () => {
    const { standin } = await olderServer(['Run.systemMetrics']);
    const response = await fetch(`${standin.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`api:${standin.apiKey}`).toString('base64')}`,
      },
      body: JSON.stringify({
        query: `{ project(name: "${project}", entityName: "${standin.entity}") { run(name: "${standin.runs.long}") { systemMetrics } } }`,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [
        { message: expect.stringContaining('Cannot query field "systemMetrics" on type "Run".') },
      ],
    });
  });
});

describe('the documents cut to a server lacking every optional field', () => {
  it('stay valid GraphQL and leave out exactly the optional fields they selected', () => {
    const schema = buildSchema(wandbStandinSchemaSdl());
    const bare = new Map(
      Object.entries(OPTIONAL_FIELDS).map(([type, optional]) => {
        const all = Object.keys((schema.getType(type) as { getFields(): object }).getFields());
        return [type, new Set(all.filter((field) => !optional.includes(field)))];
      }),
    );
    const omittedBy: Record<string, string[]> = {};
    for (const document of WANDB_GRAPHQL_DOCUMENTS) {
      const trimmed = trimDocument(document, bare);
      expect(trimmed.missing).toEqual([]);
      expect(validate(schema, parse(trimmed.document.text)).map((e) => e.message)).toEqual([]);
      if (trimmed.omitted.length) omittedBy[document.name] = trimmed.omitted;
    }
    expect(omittedBy.WandbGetRun).toContain('Run.systemMetrics');
    expect(omittedBy.WandbSearchRuns).toContain('Run.heartbeatAt');
    expect(omittedBy.WandbGetProject).toContain('Project.runCount');
    expect(omittedBy.WandbListProjects).toContain('Project.updatedAt');
  });
});

describe('a W&B server lacking optional fields', () => {
  let standin: WandbStandin;
  let wandb: WandbAdapter;

  beforeAll(async () => {
    ({ standin, wandb } = await olderServer([
      'Run.systemMetrics',
      'Run.heartbeatAt',
      'Project.updatedAt',
    ]));
  });

  it('still answers wandb_get_run, with a caveat naming the fields it left out', async () => {
    const run = await runTool(getRunTool, wandb, { project, run: standin.runs.healthyA });
    expect(run).toMatchObject({ id: standin.runs.healthyA, status: 'finished' });
    expect(run.config).toHaveProperty('learning_rate');
    expect(run.summary).toHaveProperty('loss');
    expect(run.heartbeatAt).toBeUndefined();
    expect(run.caveats).toEqual([
      'This W&B server does not provide Run.heartbeatAt, Run.systemMetrics; they are left out of this answer.',
    ]);
  });

  it('still searches runs, and says which run field it left out', async () => {
    const page = await runTool(searchRunsTool, wandb, {
      project,
      filters: '{"state": "crashed"}',
      limit: 5,
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((run) => run.rawStatus === 'crashed')).toBe(true);
    expect(page.caveats).toEqual([
      'This W&B server does not provide Run.heartbeatAt; it is left out of this answer.',
    ]);
  });

  it('still lists and gets projects, without updatedAt and saying so', async () => {
    const list = await runTool(listProjectsTool, wandb, {});
    expect(list.items.map((p) => p.name)).toContain(project);
    expect(list.caveats?.[0]).toContain('Project.updatedAt');
    const one = await runTool(getProjectTool, wandb, { project });
    expect(one.runCount).toBe(240);
    expect(one.caveats?.[0]).toContain('Project.updatedAt');
  });

  it('still diagnoses a crashed run, passing the caveat on', async () => {
    const diagnosis = await runTool(diagnoseRunTool, wandb, {
      project,
      run: standin.runs.diverged,
    });
    expect(diagnosis.rawStatus).toBe('crashed');
    expect(diagnosis.signs.map((s) => s.code)).toContain('run_crashed');
    expect(diagnosis.caveats?.[0]).toContain('Run.heartbeatAt');
  });

  it('learns what the server provides once per process', async () => {
    await runTool(getRunTool, wandb, { project, run: standin.runs.healthyB });
    await runTool(listProjectsTool, wandb, {});
    expect(standin.requestCounts.get('WandbServerFields')).toBe(1);
  });
});

describe('a W&B server lacking a required field', () => {
  it('fails with an unsupported error naming the field, without sending the query', async () => {
    const { standin, wandb } = await olderServer(['Run.state']);
    const error = await failure(
      runTool(getRunTool, wandb, { project, run: standin.runs.healthyA }),
    );
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain('Run.state');
    expect(error.hint).toContain('older W&B Server');
    expect(standin.requestCounts.get('WandbGetRun')).toBeUndefined();
  });
});

describe('a W&B server that refuses introspection', () => {
  it('gets the full documents, as before', async () => {
    const { standin, wandb } = await olderServer([], false);
    const run = await runTool(getRunTool, wandb, { project, run: standin.runs.healthyA });
    expect(run.caveats).toBeUndefined();
    expect(run.heartbeatAt).toBeDefined();
  });

  it('and lacking a field still fails as the unsupported error it is', async () => {
    const { standin, wandb } = await olderServer(['Run.systemMetrics'], false);
    const error = await failure(
      runTool(getRunTool, wandb, { project, run: standin.runs.healthyA }),
    );
    expect(error.kind).toBe('unsupported');
    expect(error.message).toContain('systemMetrics');
  });
});

describe('a W&B server that is down while the adapter introspects it', () => {
  it('fails the call with that error and introspects again once it is back', async () => {
    const { standin } = await olderServer(['Run.systemMetrics']);
    // In front of the stand-in: the introspection query gets 503 while `down`.
    let down = true;
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (down && body.includes('WandbServerFields')) {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"errors":[]}');
          return;
        }
        const answer = await fetch(`${standin.url}${req.url}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: req.headers.authorization!,
          },
          body,
        });
        res
          .writeHead(answer.status, { 'content-type': 'application/json' })
          .end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const wandb = createWandbAdapter(
      wandbSettingsFromEnv({ WANDB_API_KEY: standin.apiKey, WANDB_BASE_URL: url })!,
      { retry: { baseDelayMs: 1, maxDelayMs: 2 } },
    );
    try {
      const error = await failure(
        runTool(getRunTool, wandb, { project, run: standin.runs.healthyA }),
      );
      expect(error.kind).toBe('unavailable');
      expect(standin.requestCounts.get('WandbGetRun')).toBeUndefined();
      down = false;
      const run = await runTool(getRunTool, wandb, { project, run: standin.runs.healthyA });
      expect(run.caveats?.[0]).toContain('Run.systemMetrics');
    } finally {
      await wandb.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});

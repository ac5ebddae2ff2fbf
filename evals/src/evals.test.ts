import { type AllBackends, startAllBackends } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingAgent, Profiles } from './harness/agent.js';
import { backendCallsOf } from './harness/code-mode.js';
import { prefixOf, SeedWorld } from './harness/context.js';
import {
  type CodeModeRecord,
  compareToRecord,
  readRecord,
  type TaskRow,
  writeRecord,
} from './harness/record.js';
import type { AnyTask, Seeded } from './task.js';
import { allTasks } from './tasks/index.js';

// The evals own their servers: tasks compare answers with a whole backend's contents, which
// other tests' writes to shared servers would change.

/**
 * The eval suite: every task seeds its own state on the real servers (started once for the
 * run), then its plan runs through an MCP client on the gateway, and its check compares the
 * answer with the backends' own truth. `EVALS_FILTER=<substring>` runs only matching task ids
 * and writes or compares no record; `UPDATE_EVALS=1` rewrites evals/results/record.json and
 * docs/EVALS.md.
 */
const filter = process.env.EVALS_FILTER?.trim() || undefined;
const update = process.env.UPDATE_EVALS === '1';
const selected = filter ? allTasks.filter((task) => task.id.includes(filter)) : allTasks;
/** Seeds run concurrently (they are mostly waiting on Python start-up); plans run one by one. */
const SEED_CONCURRENCY = Number(process.env.EVALS_SEED_CONCURRENCY ?? 3);

interface Timing {
  seedMs: number;
  truthMs: number;
  planMs: number;
}

let backends: AllBackends | undefined;
let world: SeedWorld;
let profiles: Profiles;
const seeds = new Map<string, Promise<Seeded<unknown, unknown>>>();
const seedMs = new Map<string, number>();
const timings = new Map<string, Timing>();
const rows: TaskRow[] = [];
let startMs = 0;

/** Runs `jobs` with at most `limit` at once; never rejects (each job's promise carries its error). */
async function runLimited(jobs: (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await job().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

beforeAll(async () => {
  const t0 = Date.now();
  backends = await startAllBackends();
  world = await SeedWorld.create(backends);
  profiles = new Profiles(backends.gatewayEnv);
  startMs = Date.now() - t0;
  // Every task seeds before any plan runs, so each plan sees the same world whatever the
  // filter's or the seeds' order.
  const t1 = Date.now();
  await runLimited(
    selected.map((task) => () => {
      const started = Date.now();
      const seeded = task.seed(world.context(prefixOf(task.id))).finally(() => {
        seedMs.set(task.id, Date.now() - started);
      });
      seeds.set(task.id, seeded);
      // Read by the task's test; keep an unhandled rejection from failing the whole file.
      seeded.catch(() => undefined);
      return seeded;
    }),
    SEED_CONCURRENCY,
  );
  process.stderr.write(
    `evals: backends started and seeded in ${(startMs / 1000).toFixed(1)} s; ${selected.length} tasks seeded in ${((Date.now() - t1) / 1000).toFixed(1)} s\n`,
  );
});

afterAll(async () => {
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  const lines = [...timings].map(([id, t]) => {
    const row = rowOf.get(id);
    const code = row?.code
      ? `  code ${row.code.correct ? 'ok  ' : 'FAIL'} ${String(row.code.backendCalls).padStart(3)} backend calls ${String(row.code.responseTokens).padStart(5)} tokens`
      : '';
    return `  ${id.padEnd(44)} ${row?.correct ? 'ok  ' : 'FAIL'} ${String(row?.calls ?? 0).padStart(2)} calls ${String(row?.responseTokens ?? 0).padStart(6)} tokens${code}  seed ${String(seedMs.get(id) ?? 0).padStart(6)} ms  truth ${String(t.truthMs).padStart(5)} ms  plan ${String(t.planMs).padStart(5)} ms`;
  });
  if (lines.length > 0) process.stderr.write(`evals: per task\n${lines.join('\n')}\n`);
  await profiles?.close();
  await world?.close();
  await backends?.stop();
});

function describeCalls(agent: CountingAgent | undefined): string {
  if (!agent || agent.calls.length === 0) return '  (no calls)';
  return agent.calls
    .map(
      (call, i) =>
        `  ${i + 1}. ${call.tool} ${JSON.stringify(call.args)}${call.isError ? ' -> ERROR' : ''} (${call.tokens} tokens)\n     ${call.preview.replace(/\s+/g, ' ')}`,
    )
    .join('\n');
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function runTask(task: AnyTask): Promise<void> {
  const timing: Timing = { seedMs: 0, truthMs: 0, planMs: 0 };
  timings.set(task.id, timing);
  const problems: string[] = [];
  let question = '(not seeded)';
  let agent: CountingAgent | undefined;
  let code: CodeModeRecord | undefined;
  let codeAgent: CountingAgent | undefined;
  try {
    const seeded = await seeds.get(task.id)!.catch((error: unknown) => {
      throw new Error(`seeding failed: ${errorText(error)}`);
    });
    question = task.question(seeded.visible);
    let t = Date.now();
    const truth = await Promise.resolve(task.truth(world.context(prefixOf(task.id)), seeded)).catch(
      (error: unknown) => {
        throw new Error(`truth failed: ${errorText(error)}`);
      },
    );
    timing.truthMs = Date.now() - t;
    agent = (await profiles.get(task.gateway?.enabled)).agent();
    t = Date.now();
    try {
      const answer = await task.plan(agent, seeded.visible).catch((error: unknown) => {
        throw new Error(`plan threw: ${errorText(error)}`);
      });
      problems.push(...task.check(answer, truth));
    } catch (error) {
      problems.push(errorText(error));
    }
    timing.planMs = Date.now() - t;
    // The same question in code mode: one snippet, checked against the same truth.
    if (task.codePlan) {
      codeAgent = (await profiles.get(task.gateway?.enabled, 'code')).agent();
      const codeProblems: string[] = [];
      try {
        const answer = await task.codePlan(codeAgent, seeded.visible).catch((error: unknown) => {
          throw new Error(`code plan threw: ${errorText(error)}`);
        });
        codeProblems.push(...task.check(answer, truth));
      } catch (error) {
        codeProblems.push(errorText(error));
      }
      code = {
        correct: codeProblems.length === 0,
        calls: codeAgent.calls.length,
        backendCalls: backendCallsOf(codeAgent.calls),
        responseTokens: codeAgent.responseTokens,
        problems: codeProblems,
      };
      problems.push(...codeProblems.map((problem) => `code mode: ${problem}`));
    }
  } catch (error) {
    problems.push(errorText(error));
  }
  const toolProblems = problems.filter((problem) => !problem.startsWith('code mode: '));
  rows.push({
    id: task.id,
    question,
    tags: [...task.tags],
    backends: [...task.backends],
    correct: toolProblems.length === 0,
    calls: agent?.calls.length ?? 0,
    responseTokens: agent?.responseTokens ?? 0,
    problems: toolProblems,
    ...(code ? { code } : {}),
  });
  if (problems.length > 0) {
    throw new Error(
      `${task.id}\nquestion: ${question}\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}\ncalls:\n${describeCalls(agent)}${codeAgent ? `\ncode-mode calls:\n${describeCalls(codeAgent)}` : ''}`,
    );
  }
}

describe('eval tasks', () => {
  it('have unique ids and known areas', () => {
    const ids = allTasks.map((task) => task.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(
      ids.filter((id) => !/^(mlflow|prefect|wandb|weave|cross|arguments)-[a-z0-9-]+$/.test(id)),
    ).toEqual([]);
    if (filter) expect(selected.length, `no task id contains "${filter}"`).toBeGreaterThan(0);
  });

  for (const task of selected) {
    it(task.id, () => runTask(task));
  }

  // Only a full run writes or compares the record: a filtered run is for working on tasks.
  if (!filter) {
    it('matches the committed record (UPDATE_EVALS=1 rewrites it)', async () => {
      if (update) {
        await writeRecord(rows);
        return;
      }
      const recorded = readRecord();
      if (!recorded) {
        process.stderr.write(
          'evals: no evals/results/record.json yet; run UPDATE_EVALS=1 pnpm evals to create it\n',
        );
        return;
      }
      const problems = compareToRecord(recorded, rows);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

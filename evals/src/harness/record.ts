import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendName, TaskTag } from '../task.js';

/** The same task run in code mode (one mlops_execute snippet, `--toolsets code`). */
export interface CodeModeRecord {
  correct: boolean;
  /** MCP tool calls (one snippet). */
  calls: number;
  /** Backend calls the snippet made inside the sandbox. */
  backendCalls: number;
  responseTokens: number;
  problems: string[];
}

/** One task's outcome as recorded in evals/results/record.json. */
export interface TaskRecord {
  id: string;
  tags: TaskTag[];
  backends: BackendName[];
  correct: boolean;
  calls: number;
  responseTokens: number;
  problems: string[];
  /** Code mode's outcome; absent for tasks without a code plan yet. */
  code?: CodeModeRecord;
}

export interface RunRecord {
  /** The only timestamp: when the record was written. */
  generatedAt: string;
  tasks: TaskRecord[];
}

/** One row of docs/EVALS.md: the record plus the question as the user put it. */
export interface TaskRow extends TaskRecord {
  question: string;
}

const evalsRoot = fileURLToPath(new URL('../..', import.meta.url));
export const RECORD_PATH = join(evalsRoot, 'results', 'record.json');
export const EVALS_DOC_PATH = join(evalsRoot, '..', 'docs', 'EVALS.md');

/** Token drift tolerated against the record: more than both bounds fails. */
export const TOKEN_DRIFT = { ratio: 0.15, absolute: 25 } as const;

export function readRecord(): RunRecord | undefined {
  if (!existsSync(RECORD_PATH)) return undefined;
  return JSON.parse(readFileSync(RECORD_PATH, 'utf8')) as RunRecord;
}

/**
 * What differs between the committed record and this run, one line per problem. Regressions
 * (a recorded-correct task failing, a recorded task gone) and cost changes (calls changed,
 * tokens drifting beyond TOKEN_DRIFT) are both reported; new tasks are not.
 */
export function compareToRecord(recorded: RunRecord, current: readonly TaskRecord[]): string[] {
  const now = new Map(current.map((task) => [task.id, task]));
  const problems: string[] = [];
  const cost: string[] = [];
  for (const before of recorded.tasks) {
    const after = now.get(before.id);
    if (!after) {
      problems.push(`${before.id}: recorded but no longer in the suite`);
      continue;
    }
    if (before.correct && !after.correct) {
      problems.push(`${before.id}: answered correctly in the record, wrong now`);
    }
    if (before.calls !== after.calls) {
      cost.push(`${before.id}: ${before.calls} calls in the record, ${after.calls} now`);
    }
    const drift = Math.abs(after.responseTokens - before.responseTokens);
    if (drift > TOKEN_DRIFT.absolute && drift > before.responseTokens * TOKEN_DRIFT.ratio) {
      cost.push(
        `${before.id}: ${before.responseTokens} response tokens in the record, ${after.responseTokens} now`,
      );
    }
    if (before.code) {
      if (before.code.correct && !after.code?.correct) {
        problems.push(`${before.id}: answered correctly in code mode in the record, wrong now`);
      }
      const codeDrift = Math.abs((after.code?.responseTokens ?? 0) - before.code.responseTokens);
      if (
        codeDrift > TOKEN_DRIFT.absolute &&
        codeDrift > before.code.responseTokens * TOKEN_DRIFT.ratio
      ) {
        cost.push(
          `${before.id}: ${before.code.responseTokens} code-mode response tokens in the record, ${after.code?.responseTokens ?? 0} now`,
        );
      }
    }
  }
  if (cost.length > 0) {
    problems.push(...cost, 'run UPDATE_EVALS=1 pnpm evals and review the diff');
  }
  return problems;
}

/** Records in a stable order (by id), so the file diffs cleanly. */
export function sortRecords<T extends { id: string }>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function writeRecord(rows: readonly TaskRow[]): Promise<void> {
  const record: RunRecord = {
    generatedAt: new Date().toISOString(),
    tasks: sortRecords(rows).map(({ question: _question, ...task }) => task),
  };
  await mkdir(dirname(RECORD_PATH), { recursive: true });
  await writeFile(RECORD_PATH, `${JSON.stringify(record, null, 2)}\n`);
  await writeFile(EVALS_DOC_PATH, renderEvalsDoc(rows));
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summaryRow(label: string, rows: readonly TaskRow[]): string {
  const calls = rows.map((row) => row.calls);
  const tokens = rows.map((row) => row.responseTokens);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const passed = rows.filter((row) => row.correct).length;
  return `| ${label} | ${passed}/${rows.length} | ${sum(calls)} | ${median(calls)} | ${sum(tokens)} | ${median(tokens)} |`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** docs/EVALS.md: the summary (overall and per tag), then one row per task. */
export function renderEvalsDoc(rows: readonly TaskRow[]): string {
  const sorted = sortRecords(rows);
  const tags = [...new Set(sorted.flatMap((row) => row.tags))].sort();
  const lines = [
    '# Evals',
    '',
    'Generated by `UPDATE_EVALS=1 pnpm evals` (evals/): support cases seeded on the real',
    'MLflow, Prefect and Weave servers and the W&B stand-in, answered by a scripted agent through',
    "the gateway's MCP surface in the default profile, and checked against ground truth from each",
    "backend's own client or REST API. Tokens are response tokens (estimated, characters / 4) of",
    'the text content the client receives; the tools/list cost is not included.',
    '',
    '## Summary',
    '',
    '| tasks | correct | calls | median calls | response tokens | median tokens |',
    '| --- | --- | --- | --- | --- | --- |',
    summaryRow('all', sorted),
    ...tags.map((tag) =>
      summaryRow(
        `\`${tag}\``,
        sorted.filter((row) => row.tags.includes(tag)),
      ),
    ),
    '',
    ...codeModeSection(sorted),
    '## Tasks',
    '',
    '| task | question | tags | correct | calls | tokens |',
    '| --- | --- | --- | --- | --- | --- |',
    ...sorted.map(
      (row) =>
        `| \`${row.id}\` | ${cell(row.question)} | ${row.tags.join(', ')} | ${row.correct ? 'yes' : '**no**'} | ${row.calls} | ${row.responseTokens} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/**
 * Code mode next to the tool profile, for the tasks that have a code plan: correct, calls (MCP
 * calls; backend calls the snippet made in brackets) and response tokens, and code mode's share
 * of the profile's response tokens.
 */
function codeModeSection(rows: readonly TaskRow[]): string[] {
  const withCode = rows.filter((row) => row.code);
  if (withCode.length === 0) return [];
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const share = (code: number, tools: number) =>
    tools === 0 ? '—' : `${Math.round((100 * code) / tools)} %`;
  const summary = (label: string, group: readonly TaskRow[]) => {
    const tools = sum(group.map((row) => row.responseTokens));
    const code = sum(group.map((row) => row.code!.responseTokens));
    return `| ${label} | ${group.filter((row) => row.correct).length}/${group.length} | ${group.filter((row) => row.code!.correct).length}/${group.length} | ${sum(group.map((row) => row.calls))} | ${sum(group.map((row) => row.code!.calls))} (${sum(group.map((row) => row.code!.backendCalls))}) | ${tools} | ${code} | ${share(code, tools)} |`;
  };
  const computation = withCode.filter((row) => row.tags.includes('computation'));
  return [
    '## Code mode',
    '',
    'The same tasks in code mode (`--toolsets code`: mlops_execute and mlops_api), one snippet',
    "per task, checked against the same truth. Calls are MCP calls; the snippet's backend calls",
    `are in brackets. ${withCode.length} of ${rows.length} tasks have a code plan so far.`,
    '',
    '| tasks | tools correct | code correct | tool calls | code calls | tool tokens | code tokens | code / tools |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    summary('with a code plan', withCode),
    ...(computation.length > 0 ? [summary('`computation`', computation)] : []),
    '',
    '| task | tools correct | code correct | tool calls | code calls | tool tokens | code tokens | code / tools |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...withCode.map(
      (row) =>
        `| \`${row.id}\` | ${row.correct ? 'yes' : '**no**'} | ${row.code!.correct ? 'yes' : '**no**'} | ${row.calls} | ${row.code!.calls} (${row.code!.backendCalls}) | ${row.responseTokens} | ${row.code!.responseTokens} | ${share(row.code!.responseTokens, row.responseTokens)} |`,
    ),
    '',
  ];
}

import { describe, expect, it } from 'vitest';
import { compareToRecord, renderEvalsDoc, type TaskRecord } from './record.js';

const task = (over: Partial<TaskRecord> = {}): TaskRecord => ({
  id: 'mlflow-best-run',
  tags: ['common'],
  backends: ['mlflow'],
  correct: true,
  calls: 2,
  responseTokens: 400,
  problems: [],
  ...over,
});
const record = (tasks: TaskRecord[]) => ({ generatedAt: '2026-01-01T00:00:00Z', tasks });

describe('comparing a run with the committed record', () => {
  it('accepts the same outcome, and token drift within 15 % or 25 tokens', () => {
    expect(compareToRecord(record([task()]), [task({ responseTokens: 455 })])).toEqual([]);
    expect(
      compareToRecord(record([task({ responseTokens: 100 })]), [task({ responseTokens: 124 })]),
    ).toEqual([]);
  });

  it('fails a task that was correct and is wrong now, and a recorded task that is gone', () => {
    const problems = compareToRecord(record([task(), task({ id: 'prefect-late' })]), [
      task({ correct: false }),
    ]);
    expect(problems).toEqual([
      'mlflow-best-run: answered correctly in the record, wrong now',
      'prefect-late: recorded but no longer in the suite',
    ]);
  });

  it('fails a task correct in code mode in the record and wrong (or not run) in code mode now', () => {
    const code = { correct: true, calls: 1, backendCalls: 2, responseTokens: 30, problems: [] };
    expect(compareToRecord(record([task({ code })]), [task({ code })])).toEqual([]);
    expect(
      compareToRecord(record([task({ code })]), [
        task({ code: { ...code, correct: false, problems: ['x'] } }),
      ]),
    ).toEqual(['mlflow-best-run: answered correctly in code mode in the record, wrong now']);
    expect(compareToRecord(record([task({ code })]), [task()])[0]).toBe(
      'mlflow-best-run: answered correctly in code mode in the record, wrong now',
    );
  });

  it('renders code mode beside the tool profile, with its share of the tokens', () => {
    const code = { correct: true, calls: 1, backendCalls: 3, responseTokens: 40, problems: [] };
    const doc = renderEvalsDoc([
      { ...task({ tags: ['computation'], calls: 3, code }), question: 'Mean per optimizer?' },
    ]);
    expect(doc).toContain('## Code mode');
    expect(doc).toContain('| `mlflow-best-run` | yes | yes | 3 | 1 (3) | 400 | 40 | 10 % |');
  });

  it('asks for a record update when calls change or tokens drift further', () => {
    const problems = compareToRecord(record([task()]), [task({ calls: 3, responseTokens: 470 })]);
    expect(problems).toEqual([
      'mlflow-best-run: 2 calls in the record, 3 now',
      'mlflow-best-run: 400 response tokens in the record, 470 now',
      'run UPDATE_EVALS=1 pnpm evals and review the diff',
    ]);
  });

  it('lets a new task in, and a recorded failure stay a failure', () => {
    expect(
      compareToRecord(record([task({ correct: false })]), [
        task({ correct: false }),
        task({ id: 'weave-new' }),
      ]),
    ).toEqual([]);
  });
});

describe('docs/EVALS.md', () => {
  it('summarises per tag and lists every task with its question, sorted by id', () => {
    const doc = renderEvalsDoc([
      { ...task({ id: 'prefect-late', tags: ['common', 'nothing-wrong'] }), question: 'Late? | x' },
      { ...task({ correct: false, calls: 4, responseTokens: 100 }), question: 'Best run?' },
    ]);
    expect(doc).toContain('| all | 1/2 | 6 | 3 | 500 | 250 |');
    expect(doc).toContain('| `nothing-wrong` | 1/1 | 2 | 2 | 400 | 400 |');
    expect(doc.indexOf('`mlflow-best-run`')).toBeLessThan(doc.indexOf('`prefect-late`'));
    expect(doc).toContain(
      '| `prefect-late` | Late? \\| x | common, nothing-wrong | yes | 2 | 400 |',
    );
    expect(doc).toContain('| `mlflow-best-run` | Best run? | common | **no** | 4 | 100 |');
  });
});

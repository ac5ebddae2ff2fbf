import type { MlopsError } from '@mlops-mcp/core';
import {
  type MlflowSeed,
  type RunningServer,
  runTool,
  startSeededMlflow,
} from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEvaluationDatasetTool } from '../evaluation-datasets/get-evaluation-dataset.js';
import { searchEvaluationDatasetsTool } from '../evaluation-datasets/search-evaluation-datasets.js';
import { createMlflowAdapter, type MlflowAdapter } from '../index.js';
import { getTraceTool } from '../traces/get-trace.js';
import { getTraceInfoTool } from '../traces/get-trace-info.js';
import { searchTracesTool } from '../traces/search-traces.js';
import { createMlflowTracing } from '../traces/trace-capability.js';
import { deleteAssessmentTool } from './delete-assessment.js';
import { getAssessmentTool } from './get-assessment.js';
import { logExpectationTool } from './log-expectation.js';
import { logFeedbackTool } from './log-feedback.js';
import { updateAssessmentTool } from './update-assessment.js';

/** The part of seed.extras.traces (python/seed_mlflow_traces.py) these tests use. */
interface TracesExtras {
  experimentId: string;
  okTraceIds: string[];
  errorTraceId: string;
  assessments: Record<'correctTrue' | 'correctFalse' | 'relevance' | 'expectation', string>;
  dataset: { id: string; name: string; records: number };
}

// This file owns its seeded MLflow server: it adds, edits and deletes assessments of the seeded
// traces, whose exact assessments the trace and scorer tests read on the run's shared server.
let server: RunningServer;
let seed: MlflowSeed;
let mlflow: MlflowAdapter;
let traces: TracesExtras;

beforeAll(async () => {
  ({ server, seed } = await startSeededMlflow());
  mlflow = createMlflowAdapter({ trackingUri: server.url });
  traces = seed.extras.traces as TracesExtras;
});

afterAll(async () => {
  await mlflow?.close();
  await server?.stop();
});

const UNKNOWN_TRACE = `tr-${'f'.repeat(32)}`;
const UNKNOWN_ASSESSMENT = `a-${'f'.repeat(32)}`;

const read = (traceId: string, assessmentId: string) =>
  runTool(getAssessmentTool, mlflow, { traceId, assessmentId });

describe('mlflow_log_feedback', () => {
  it('logs boolean feedback with rationale and source that mlflow_get_assessment reads back', async () => {
    const traceId = traces.okTraceIds[2]!;
    const logged = await runTool(logFeedbackTool, mlflow, {
      traceId,
      name: 'helpful',
      value: true,
      rationale: 'Answers the question.',
      sourceType: 'HUMAN',
      sourceId: 'ana@example.com',
    });
    expect(logged.id).toMatch(/^a-/);
    expect(await read(traceId, logged.id)).toMatchObject({
      name: 'helpful',
      kind: 'feedback',
      value: true,
      rationale: 'Answers the question.',
      source: { type: 'HUMAN', id: 'ana@example.com' },
      traceId,
    });
  });

  it('logs an LLM-judge score that trace search can filter on', async () => {
    await runTool(logFeedbackTool, mlflow, {
      traceId: traces.okTraceIds[3],
      name: 'groundedness',
      value: 0.9,
      sourceType: 'LLM_JUDGE',
      sourceId: 'judge-gpt-v1',
    });
    const result = await runTool(searchTracesTool, mlflow, {
      experimentIds: [traces.experimentId],
      filter: 'feedback.groundedness > 0.5',
    });
    expect(result.items.map((trace) => trace.id)).toEqual([traces.okTraceIds[3]]);
  });

  it('keeps a JSON object value intact', async () => {
    const traceId = traces.okTraceIds[2]!;
    const value = { tone: 'neutral', scores: [1, 2, 3], ok: true };
    const logged = await runTool(logFeedbackTool, mlflow, {
      traceId,
      name: 'style',
      value,
      sourceType: 'CODE',
      sourceId: 'style_check.py',
    });
    expect((await read(traceId, logged.id)).value).toEqual(value);
  });

  it('attaches feedback to one span of the trace', async () => {
    const traceId = traces.errorTraceId;
    const trace = await runTool(getTraceTool, mlflow, { traceId });
    const generate = trace.spans.find((span) => span.name === 'generate')!;
    const logged = await runTool(logFeedbackTool, mlflow, {
      traceId,
      name: 'root_cause',
      value: 'prompt too long',
      spanId: generate.id,
    });
    expect(await read(traceId, logged.id)).toMatchObject({
      spanId: generate.id,
      source: { type: 'HUMAN', id: 'mlops-mcp' },
    });
  });

  it('answers feedback on an unknown trace with not_found', async () => {
    const error = await runTool(logFeedbackTool, mlflow, {
      traceId: UNKNOWN_TRACE,
      name: 'helpful',
      value: false,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/mlflow_search_traces/);
  });

  it('rejects an unknown source type before calling MLflow', async () => {
    await expect(
      runTool(logFeedbackTool, mlflow, {
        traceId: traces.okTraceIds[0],
        name: 'helpful',
        value: true,
        sourceType: 'ROBOT',
      }),
    ).rejects.toThrow(/sourceType|HUMAN/);
  });
});

describe('mlflow_log_expectation', () => {
  it('logs a string expectation that mlflow_get_trace_info lists', async () => {
    const traceId = traces.okTraceIds[1]!;
    const logged = await runTool(logExpectationTool, mlflow, {
      traceId,
      name: 'expected_answer',
      value: 'An open source MLOps platform.',
    });
    const info = await runTool(getTraceInfoTool, mlflow, { traceId });
    expect(info.assessments?.find((a) => a.id === logged.id)).toMatchObject({
      kind: 'expectation',
      value: 'An open source MLOps platform.',
    });
  });

  it('reads a JSON list expectation back as a list', async () => {
    const traceId = traces.okTraceIds[1]!;
    const facts = ['MLflow is open source', 'MLflow tracks experiments'];
    const logged = await runTool(logExpectationTool, mlflow, {
      traceId,
      name: 'expected_facts',
      value: facts,
    });
    expect(logged.value).toEqual(facts);
    expect((await read(traceId, logged.id)).value).toEqual(facts);
  });
});

describe('mlflow_get_assessment', () => {
  it('reads the seeded human correctness feedback', async () => {
    expect(await read(traces.okTraceIds[1]!, traces.assessments.correctFalse)).toMatchObject({
      name: 'correctness',
      kind: 'feedback',
      value: false,
      rationale: 'Does not say what MLflow is used for.',
    });
  });

  it('answers an unknown assessment id with not_found and where to find ids', async () => {
    const error = await read(traces.okTraceIds[0]!, UNKNOWN_ASSESSMENT).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/mlflow_get_trace_info/);
  });
});

describe('mlflow_update_assessment', () => {
  const logHelpful = () =>
    runTool(logFeedbackTool, mlflow, {
      traceId: traces.okTraceIds[0],
      name: 'draft',
      value: 1,
      rationale: 'first pass',
      metadata: { pass: '1' },
    });

  it('changes the value and rationale of feedback in place', async () => {
    const logged = await logHelpful();
    await runTool(updateAssessmentTool, mlflow, {
      traceId: traces.okTraceIds[0],
      assessmentId: logged.id,
      value: 4,
      rationale: 'second pass',
    });
    expect(await read(traces.okTraceIds[0]!, logged.id)).toMatchObject({
      id: logged.id,
      value: 4,
      rationale: 'second pass',
      source: logged.source,
    });
  });

  it('renames an assessment and merges its metadata', async () => {
    const logged = await logHelpful();
    const updated = await runTool(updateAssessmentTool, mlflow, {
      traceId: traces.okTraceIds[0],
      assessmentId: logged.id,
      name: 'final',
      metadata: { reviewer: 'ana' },
    });
    expect(updated).toMatchObject({ name: 'final', metadata: { pass: '1', reviewer: 'ana' } });
    expect((await read(traces.okTraceIds[0]!, logged.id)).name).toBe('final');
  });

  it('updates the value of an expectation', async () => {
    const traceId = traces.okTraceIds[0]!;
    await runTool(updateAssessmentTool, mlflow, {
      traceId,
      assessmentId: traces.assessments.expectation,
      value: { answer: 'Paris', country: 'France' },
    });
    expect((await read(traceId, traces.assessments.expectation)).value).toEqual({
      answer: 'Paris',
      country: 'France',
    });
  });

  it('refuses a rationale on an expectation, which cannot keep one', async () => {
    await expect(
      runTool(updateAssessmentTool, mlflow, {
        traceId: traces.okTraceIds[0],
        assessmentId: traces.assessments.expectation,
        rationale: 'because',
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input', field: 'rationale' });
  });

  it('answers an unknown assessment id with not_found', async () => {
    await expect(
      runTool(updateAssessmentTool, mlflow, {
        traceId: traces.okTraceIds[0],
        assessmentId: UNKNOWN_ASSESSMENT,
        value: 1,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('mlflow_delete_assessment', () => {
  it('deletes an assessment so reading it answers not_found', async () => {
    const traceId = traces.okTraceIds[3]!;
    const logged = await runTool(logFeedbackTool, mlflow, {
      traceId,
      name: 'to_delete',
      value: 'x',
    });
    const result = await runTool(deleteAssessmentTool, mlflow, {
      traceId,
      assessmentId: logged.id,
    });
    expect(result.deleted).toMatchObject({ id: logged.id, name: 'to_delete' });
    await expect(read(traceId, logged.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('answers deleting an unknown assessment with not_found, not a silent success', async () => {
    await expect(
      runTool(deleteAssessmentTool, mlflow, {
        traceId: traces.okTraceIds[3],
        assessmentId: UNKNOWN_ASSESSMENT,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('neutral Tracing.logFeedback', () => {
  it('logs feedback whose source string names the judge', async () => {
    const traceId = traces.errorTraceId;
    await createMlflowTracing(mlflow).logFeedback!(traceId, {
      name: 'safety',
      value: 'pass',
      rationale: 'No harmful content.',
      source: 'LLM_JUDGE:judge-x',
    });
    const info = await runTool(getTraceInfoTool, mlflow, { traceId });
    expect(info.assessments?.find((a) => a.name === 'safety')).toMatchObject({
      value: 'pass',
      rationale: 'No harmful content.',
      source: { type: 'LLM_JUDGE', id: 'judge-x' },
    });
  });
});

describe('mlflow_search_evaluation_datasets', () => {
  it('finds the seeded dataset by name with its record count and schema', async () => {
    const result = await runTool(searchEvaluationDatasetsTool, mlflow, {
      filter: `name = '${traces.dataset.name}'`,
    });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      id: traces.dataset.id,
      recordCount: traces.dataset.records,
      tags: { team: 'genai' },
      schema: { inputs: { question: 'string' }, expectations: { expected_answer: 'string' } },
    });
  });

  it('lists only datasets linked to the given experiments', async () => {
    const linked = await runTool(searchEvaluationDatasetsTool, mlflow, {
      experimentIds: [traces.experimentId],
    });
    const other = await runTool(searchEvaluationDatasetsTool, mlflow, {
      experimentIds: [seed.experiments[0]!.id],
    });
    expect(linked.items.map((dataset) => dataset.id)).toEqual([traces.dataset.id]);
    expect(other.items).toEqual([]);
  });

  it('answers a malformed filter with invalid_input and the dataset filter syntax', async () => {
    const error = await runTool(searchEvaluationDatasetsTool, mlflow, {
      filter: 'name >>> 1',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_input', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/name LIKE/);
  });
});

describe('mlflow_get_evaluation_dataset', () => {
  it('returns the dataset, its linked experiments and its records', async () => {
    const result = await runTool(getEvaluationDatasetTool, mlflow, {
      datasetId: traces.dataset.id,
    });
    expect(result.dataset).toMatchObject({
      id: traces.dataset.id,
      name: traces.dataset.name,
      experimentIds: [traces.experimentId],
    });
    expect(result.records).toHaveLength(traces.dataset.records);
    expect(result.records).toContainEqual(
      expect.objectContaining({
        inputs: { question: 'What is the capital of France?' },
        expectations: { expected_answer: 'Paris' },
        tags: { topic: 'geography' },
      }),
    );
    expect(result.nextRecordsCursor).toBeUndefined();
  });

  it('pages through records without gaps or repeats', async () => {
    const first = await runTool(getEvaluationDatasetTool, mlflow, {
      datasetId: traces.dataset.id,
      recordLimit: 2,
    });
    expect(first.records).toHaveLength(2);
    const rest = await runTool(getEvaluationDatasetTool, mlflow, {
      datasetId: traces.dataset.id,
      recordLimit: 2,
      recordsCursor: first.nextRecordsCursor,
    });
    const ids = [...first.records, ...rest.records].map((record) => record.id);
    expect(new Set(ids).size).toBe(traces.dataset.records);
    expect(rest.nextRecordsCursor).toBeUndefined();
  });

  it('answers an unknown dataset id with not_found', async () => {
    const error = await runTool(getEvaluationDatasetTool, mlflow, {
      datasetId: `d-${'f'.repeat(32)}`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect((error as MlopsError).hint).toMatch(/mlflow_search_evaluation_datasets/);
  });
});

import type { MlopsError } from '@mlops-mcp/core';
import {
  type MlflowAttachmentSeed,
  type RunningServer,
  runTool,
  seedMlflowAttachments,
  startMlflow,
} from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createExperimentTool } from '../experiments/create-experiment.js';
import { createMlflowAdapter, type MlflowAdapter } from '../index.js';
import { cancelPromptOptimizationJobTool } from '../prompt-optimization-jobs/cancel-prompt-optimization-job.js';
import { createPromptOptimizationJobTool } from '../prompt-optimization-jobs/create-prompt-optimization-job.js';
import { deletePromptOptimizationJobTool } from '../prompt-optimization-jobs/delete-prompt-optimization-job.js';
import { getPromptOptimizationJobTool } from '../prompt-optimization-jobs/get-prompt-optimization-job.js';
import { searchPromptOptimizationJobsTool } from '../prompt-optimization-jobs/search-prompt-optimization-jobs.js';
import { registerPromptTool } from '../prompts/register-prompt.js';
import { getRunTool } from '../runs/get-run.js';
import { getTraceAttachmentTool } from './get-trace-attachment.js';
import { listTraceAttachmentsTool } from './list-trace-attachments.js';

// This file owns its MLflow server: prompt optimization jobs need the server's job runner, which
// the run's shared server leaves off (other tests prove the "no job execution" answer).

const PNG_BYTES = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  Buffer.from('fake-png-pixels'),
]);

let server: RunningServer;
let mlflow: MlflowAdapter;
let attachments: MlflowAttachmentSeed;
let experimentId: string;
const promptUri = 'prompts:/qa-answer/1';

beforeAll(async () => {
  // Prompt optimization runs in the server's job runner; the executor engine starts one runner
  // process instead of Huey's pool, and periodic tasks are not needed.
  server = await startMlflow({
    env: {
      MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'true',
      MLFLOW_SERVER_JOB_EXECUTION_ENGINE: 'executor',
      MLFLOW_SERVER_JOB_ENABLE_PERIODIC_TASKS: 'false',
    },
  });
  mlflow = createMlflowAdapter({ trackingUri: server.url });
  attachments = await seedMlflowAttachments(server.url);
  const experiment = await runTool(createExperimentTool, mlflow, { name: 'prompt-tuning' });
  experimentId = experiment.id;
  await runTool(registerPromptTool, mlflow, {
    name: 'qa-answer',
    template: 'Answer the question: {{question}}',
  });
}, 180_000);

afterAll(async () => {
  await mlflow?.close();
  await server?.stop();
});

describe('mlflow_list_trace_attachments', () => {
  it("lists the attachments a trace's spans refer to, with type, size and span", async () => {
    const result = await runTool(listTraceAttachmentsTool, mlflow, {
      traceId: attachments.attached,
    });
    const byId = Object.fromEntries(result.items.map((item) => [item.id, item]));
    expect(byId[attachments.image]).toMatchObject({
      contentType: 'image/png',
      sizeBytes: PNG_BYTES.length,
      spanName: 'describe',
      field: 'outputs',
    });
    expect(byId[attachments.note]).toMatchObject({ contentType: 'text/plain', sizeBytes: 24 });
    expect(result.items).toHaveLength(2);
  });

  it('lists nothing for a trace without attachments', async () => {
    const result = await runTool(listTraceAttachmentsTool, mlflow, { traceId: attachments.plain });
    expect(result.items).toEqual([]);
  });

  it('answers not_found for an unknown trace', async () => {
    await expect(
      runTool(listTraceAttachmentsTool, mlflow, { traceId: `tr-${'0'.repeat(32)}` }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('mlflow_get_trace_attachment', () => {
  const read = (args: Record<string, unknown>) =>
    runTool(getTraceAttachmentTool, mlflow, { traceId: attachments.attached, ...args });

  it('reads a text attachment as text', async () => {
    const result = await read({ attachmentId: attachments.note, contentType: 'text/plain' });
    expect(result).toMatchObject({
      text: 'The cat sits on the mat.',
      truncated: false,
      sizeBytes: 24,
    });
  });

  it('describes a binary attachment by type and size without its bytes by default', async () => {
    const result = await read({ attachmentId: attachments.image });
    expect(result).toMatchObject({ contentType: 'image/png', sizeBytes: PNG_BYTES.length });
    expect(result.base64).toBeUndefined();
    expect(result.text).toBeUndefined();
    expect(result.message).toMatch(/includeBase64/);
  });

  it("returns a binary attachment's exact bytes in base64 on request", async () => {
    const result = await read({ attachmentId: attachments.image, includeBase64: true });
    expect(Buffer.from(result.base64!, 'base64').equals(PNG_BYTES)).toBe(true);
  });

  it('downloads only maxBytes and says the attachment was cut', async () => {
    const result = await read({ attachmentId: attachments.note, maxBytes: 7 });
    expect(result).toMatchObject({ text: 'The cat', truncated: true, bytesRead: 7, sizeBytes: 24 });
  });

  it('answers not_found for an attachment the trace does not have', async () => {
    const error = (await read({ attachmentId: '00000000-0000-4000-8000-000000000000' }).catch(
      (e) => e,
    )) as MlopsError;
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_list_trace_attachments/);
  });

  it('rejects an attachment id that is not a UUID before calling MLflow', async () => {
    await expect(read({ attachmentId: '../traces.json' })).rejects.toMatchObject({
      kind: 'invalid_input',
      field: 'attachmentId',
    });
  });
});

describe('prompt optimization jobs', () => {
  const create = (args: Record<string, unknown> = {}) =>
    runTool(createPromptOptimizationJobTool, mlflow, {
      experimentId,
      sourcePromptUri: promptUri,
      scorers: ['Correctness'],
      ...args,
    });
  const get = (jobId: string) => runTool(getPromptOptimizationJobTool, mlflow, { jobId });

  let ended: Promise<string> | undefined;
  /**
   * A job that has ended: no optimizer can reach an LLM in this offline test environment, so
   * the job runner fails it (MLflow's server has no other way to produce a finished job).
   */
  const endedJob = () => {
    ended ??= (async () => {
      const job = await create({ tags: { purpose: 'ends' } });
      await vi.waitFor(
        async () => expect(['FAILED', 'COMPLETED']).toContain((await get(job.id)).status),
        { timeout: 120_000, interval: 500 },
      );
      return job.id;
    })();
    return ended;
  };

  it('starts a job with its run, source prompt, optimizer, scorers and tags', async () => {
    const job = await create({
      optimizer: 'METAPROMPT',
      optimizerConfig: { guidelines: 'Be brief.' },
      tags: { owner: 'ana' },
    });
    expect(job).toMatchObject({
      experimentId,
      sourcePromptUri: promptUri,
      optimizer: 'METAPROMPT',
      scorers: ['Correctness'],
      optimizerConfig: { guidelines: 'Be brief.' },
      tags: { owner: 'ana' },
    });
    expect(['PENDING', 'IN_PROGRESS']).toContain(job.status);
    const run = await runTool(getRunTool, mlflow, { runId: job.runId! });
    expect(run.experimentId).toBe(experimentId);
    await runTool(cancelPromptOptimizationJobTool, mlflow, { jobId: job.id });
  });

  it('reads a job back; a failed one says why', async () => {
    const jobId = await endedJob();
    const job = await get(jobId);
    expect(job).toMatchObject({ id: jobId, status: 'FAILED', sourcePromptUri: promptUri });
    expect(job.error).toEqual(expect.stringMatching(/\S/));
  });

  it('cancels a pending job and marks its run KILLED', async () => {
    const job = await create();
    const cancelled = await runTool(cancelPromptOptimizationJobTool, mlflow, { jobId: job.id });
    expect(cancelled.status).toBe('CANCELED');
    expect((await get(job.id)).status).toBe('CANCELED');
    const run = await runTool(getRunTool, mlflow, { runId: job.runId! });
    expect(run.rawStatus).toBe('KILLED');
  });

  it('refuses to cancel a job that already ended, pointing at its outcome', async () => {
    const jobId = await endedJob();
    const error = (await runTool(cancelPromptOptimizationJobTool, mlflow, { jobId }).catch(
      (e) => e,
    )) as MlopsError;
    expect(error).toMatchObject({ kind: 'invalid_input' });
    expect(error.hint).toMatch(/mlflow_get_prompt_optimization_job/);
  });

  it('lists the jobs of an experiment and filters them by status', async () => {
    const failedId = await endedJob();
    const cancelled = await create();
    await runTool(cancelPromptOptimizationJobTool, mlflow, { jobId: cancelled.id });
    const all = await runTool(searchPromptOptimizationJobsTool, mlflow, { experimentId });
    expect(all.items.map((job) => job.id)).toEqual(
      expect.arrayContaining([failedId, cancelled.id]),
    );
    const failed = await runTool(searchPromptOptimizationJobsTool, mlflow, {
      experimentId,
      statuses: ['FAILED'],
    });
    expect(failed.items.map((job) => job.id)).toContain(failedId);
    expect(failed.items.map((job) => job.id)).not.toContain(cancelled.id);
    expect(failed.items.every((job) => job.status === 'FAILED')).toBe(true);
  });

  it('deletes a job together with its run', async () => {
    const job = await create();
    await runTool(cancelPromptOptimizationJobTool, mlflow, { jobId: job.id });
    expect(await runTool(deletePromptOptimizationJobTool, mlflow, { jobId: job.id })).toEqual({
      jobId: job.id,
      deleted: true,
    });
    await expect(get(job.id)).rejects.toMatchObject({ kind: 'not_found' });
    const run = await runTool(getRunTool, mlflow, { runId: job.runId! });
    expect(run.lifecycle).toBe('deleted');
  });

  it('answers not_found for an unknown job', async () => {
    const error = (await get('00000000-0000-4000-8000-000000000000').catch((e) => e)) as MlopsError;
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_prompt_optimization_jobs/);
  });

  it('rejects a source prompt that is not a prompts:/<name>/<version> URI', async () => {
    await expect(create({ sourcePromptUri: 'qa-answer' })).rejects.toThrow(/prompts:\//);
  });
});

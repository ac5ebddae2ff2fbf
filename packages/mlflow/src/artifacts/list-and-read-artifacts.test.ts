import { runTool } from '@mlops-mcp/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsSeed, useSharedMlflow } from '../../test/shared-mlflow.js';
import { createMlflowAdapter, type MlflowAdapter } from '../index.js';
import { listArtifacts } from './artifacts-api.js';
import { listArtifactsTool } from './list-artifacts.js';
import { readArtifactTool } from './read-artifact.js';

const { seed, mlflow } = useSharedMlflow();
const extras = metricsSeed(seed);
/** An adapter whose server does not exist: any request it makes fails as unavailable. */
let unreachable: MlflowAdapter;

beforeAll(async () => {
  unreachable = createMlflowAdapter(
    { trackingUri: 'http://127.0.0.1:9' },
    { retry: { maxAttempts: 1 } },
  );
});

afterAll(async () => {
  await unreachable?.close();
});

const evalRun = () => seed.runs.find((run) => run.name === `eval-${seed.invocationId}-mmlu`)!;

type Entry = { path: string; isDir: boolean; sizeBytes?: number };
const paths = (items: Entry[]) => items.map((item) => item.path);

const TRAVERSALS = [
  '../secrets.txt',
  'artifacts/../../other-run/x',
  '/etc/passwd',
  'file:///etc/passwd',
  'http://169.254.169.254/latest',
  's3://bucket/key',
  'artifacts\\..\\x',
  '%2e%2e/x',
  'artifacts/%2F..%2Fx',
  '%252e%252e/x',
  './artifacts',
  'C:/Windows/win.ini',
  'artifacts/\u0000config.yml',
];

describe('mlflow_list_artifacts', () => {
  it('lists the top level of an eval run', async () => {
    const result = await runTool(listArtifactsTool, mlflow, { runId: evalRun().id });
    expect(result.items).toEqual([{ path: 'artifacts', isDir: true }]);
    expect(result.truncated).toBeUndefined();
  });

  it('walks the tree with recursive and shows file sizes', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: evalRun().id,
      recursive: true,
    });
    expect(paths(result.items)).toEqual(
      expect.arrayContaining([
        'artifacts',
        'artifacts/config.yml',
        'artifacts/results.yml',
        'artifacts/eval_factory_metrics.json',
      ]),
    );
    const config = result.items.find((item) => item.path === 'artifacts/config.yml')!;
    expect(config.isDir).toBe(false);
    expect(config.sizeBytes).toBeGreaterThan(100);
  });

  it('lists one directory given by path', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: `mlflow://runs/${evalRun().id}`,
      path: 'artifacts/',
    });
    expect(paths(result.items).sort()).toEqual([
      'artifacts/config.yml',
      'artifacts/eval_factory_metrics.json',
      'artifacts/results.yml',
    ]);
    expect(result.path).toBe('artifacts');
  });

  it('stops at maxEntries and flags the listing as truncated', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: extras.runId,
      path: extras.nestedDir,
      recursive: true,
      maxEntries: 10,
    });
    expect(result.items).toHaveLength(10);
    expect(result.truncated).toBe(true);
    expect(result.note).toMatch(/10 entries/);
  });

  it('stops at maxDepth and names the directories below it', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: extras.runId,
      path: extras.nestedDir,
      recursive: true,
      maxDepth: 2,
    });
    expect(result.truncated).toBe(true);
    expect(result.unlisted).toEqual([`${extras.nestedDir}/d1/d2`]);
    expect(paths(result.items)).toContain(`${extras.nestedDir}/a/sample_00.txt`);
    expect(paths(result.items)).not.toContain(`${extras.nestedDir}/d1/d2/d3`);
  });

  it('lists every nested file when the caps allow it', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: extras.runId,
      path: extras.nestedDir,
      recursive: true,
      maxDepth: 10,
      maxEntries: 1000,
    });
    const files = result.items.filter((item) => !item.isDir);
    expect(files).toHaveLength(extras.nestedFiles);
    expect(paths(files)).toContain(`${extras.nestedDir}/d1/d2/d3/d4/bottom.txt`);
    expect(result.truncated).toBeUndefined();
  });

  it('explains an empty listing of a path that is not a directory', async () => {
    const result = await runTool(listArtifactsTool, mlflow, {
      runId: evalRun().id,
      path: 'artifacts/config.yml',
    });
    expect(result.items).toEqual([]);
    expect(result.note).toMatch(/does not exist, or it is a file/);
  });

  it('answers an unknown run with not_found', async () => {
    await expect(
      runTool(listArtifactsTool, mlflow, { runId: 'ffffffffffffffffffffffffffffffff' }),
    ).rejects.toMatchObject({ kind: 'not_found', backend: 'mlflow' });
  });

  it('rejects path traversal as invalid_input on path without any request', async () => {
    for (const path of TRAVERSALS) {
      await expect(
        runTool(listArtifactsTool, unreachable, { runId: evalRun().id, path }),
        path,
      ).rejects.toMatchObject({ kind: 'invalid_input', field: 'path' });
    }
  });

  it('serves the neutral listArtifacts with refs and download URLs', async () => {
    const page = await listArtifacts(mlflow, evalRun().id, 'artifacts');
    const config = page.items.find((item) => item.path === 'artifacts/config.yml')!;
    expect(config.ref.uri).toBe(`mlflow://runs/${evalRun().id}/artifacts/artifacts%2Fconfig.yml`);
    expect(config.ref.url).toContain('/get-artifact?path=artifacts%2Fconfig.yml');
  });
});

describe('mlflow_read_artifact', () => {
  it('returns a YAML config parsed', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: evalRun().id,
      path: 'artifacts/config.yml',
    });
    expect(result).toMatchObject({ format: 'yaml', truncated: false });
    expect(result.parsed).toMatchObject({
      config: { type: 'mmlu', params: { max_new_tokens: 1024, temperature: 0, top_p: 1e-5 } },
      execution: { type: 'slurm', invocation_id: seed.invocationId },
    });
    expect(result.text).toBeUndefined();
  });

  it('returns YAML results parsed down to the score', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: evalRun().id,
      path: 'artifacts/results.yml',
    });
    const parsed = result.parsed as {
      results: { tasks: { mmlu: { metrics: { acc: { scores: { acc: { value: number } } } } } } };
    };
    expect(parsed.results.tasks.mmlu.metrics.acc.scores.acc.value).toBe(0.6623);
  });

  it('returns JSON parsed with its size', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: evalRun().id,
      path: 'artifacts/eval_factory_metrics.json',
    });
    expect(result.format).toBe('json');
    expect(result.sizeBytes).toBe(result.bytesRead);
    expect(result.parsed).toMatchObject({ task: 'mmlu', response_stats: { count: 14042 } });
  });

  it('returns a CSV as columns plus the first rows, quoted commas intact', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.csvPath,
    });
    expect(result.format).toBe('csv');
    expect(result.table!.columns).toEqual(['id', 'prompt', 'label', 'score']);
    expect(result.table!.rows).toHaveLength(20);
    expect(result.table!.rows[0]).toEqual(['0', 'question 0, with a comma', 'no', '0.00']);
    expect(result.table!.moreRows).toBe(true);
    expect(result.truncated).toBe(true);
  });

  it('returns every CSV row when maxRows allows it', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.csvPath,
      maxRows: 500,
    });
    expect(result.table!.rows).toHaveLength(extras.csvRows);
    expect(result.table!.moreRows).toBe(false);
    expect(result.truncated).toBe(false);
  });

  it('cuts CSV rows to the response budget and says so', async () => {
    const result = await runTool(
      readArtifactTool,
      mlflow,
      { runId: extras.runId, path: extras.csvPath, maxRows: 500 },
      { maxResponseTokens: 500 },
    );
    expect(result.table!.rows.length).toBeGreaterThan(0);
    expect(result.table!.rows.length).toBeLessThan(extras.csvRows);
    expect(result.table!.moreRows).toBe(true);
    expect(result.truncated).toBe(true);
    expect(result.message).toMatch(/response budget/);
  });

  it('returns Markdown as text', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.markdownPath,
    });
    expect(result).toMatchObject({ format: 'markdown', truncated: false });
    expect(result.text).toContain('# Long history run');
  });

  it('describes a binary file by its size instead of its bytes', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.binaryPath,
    });
    expect(result).toMatchObject({ format: 'binary', sizeBytes: extras.binaryBytes });
    expect(result.bytesRead).toBeLessThanOrEqual(16);
    expect(result.text).toBeUndefined();
    expect(result.message).toMatch(new RegExp(`Binary file \\(${extras.binaryBytes} bytes`));
  });

  it('recognises binary content by its bytes when the extension does not tell', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.blobPath,
    });
    expect(result.format).toBe('binary');
    expect(result.text).toBeUndefined();
    expect(result.message).toMatch(/not shown/);
  });

  it('reads only the head of a large log and flags the cut', async () => {
    const result = await runTool(readArtifactTool, mlflow, {
      runId: extras.runId,
      path: extras.logPath,
      maxBytes: 4096,
    });
    expect(result).toMatchObject({
      format: 'text',
      truncated: true,
      bytesRead: 4096,
      sizeBytes: extras.logBytes,
    });
    expect(result.text!.startsWith(extras.firstLogLine)).toBe(true);
    expect(result.message).toMatch(/first 4096 of \d+ bytes/);
  });

  it('cuts text to the response budget and says so', async () => {
    const result = await runTool(
      readArtifactTool,
      mlflow,
      { runId: extras.runId, path: extras.logPath, maxBytes: 65_536 },
      { maxResponseTokens: 1000 },
    );
    expect(result.truncated).toBe(true);
    expect(result.text!.length).toBeLessThan(4000);
    expect(result.text).toMatch(/more chars\]$/);
  });

  it('answers a directory path with invalid_input on path', async () => {
    const error = await runTool(readArtifactTool, mlflow, {
      runId: evalRun().id,
      path: 'artifacts',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'path' });
    expect((error as { hint: string }).hint).toMatch(/mlflow_list_artifacts/);
  });

  it('answers a missing file with not_found on path', async () => {
    await expect(
      runTool(readArtifactTool, mlflow, { runId: evalRun().id, path: 'artifacts/nope.yml' }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'path' });
  });

  it('rejects path traversal as invalid_input on path without any request', async () => {
    for (const path of TRAVERSALS) {
      await expect(
        runTool(readArtifactTool, unreachable, { runId: evalRun().id, path }),
        path,
      ).rejects.toMatchObject({ kind: 'invalid_input', field: 'path' });
    }
  });

  it('rejects maxBytes above 256 KiB before calling MLflow', async () => {
    await expect(
      runTool(readArtifactTool, mlflow, {
        runId: evalRun().id,
        path: 'artifacts/config.yml',
        maxBytes: 10_000_000,
      }),
    ).rejects.toThrow(/maxBytes|too big/i);
  });
});

import { fitPageToBudget } from '@mlops-mcp/core';
import { z } from 'zod';
import { runIdInput } from '../metrics/metrics-inputs.js';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseArtifactPath } from './artifact-path.js';
import { walkArtifacts } from './artifacts-api.js';

const EntrySchema = z.object({
  path: z
    .string()
    .describe("Relative to the run's artifact root; pass it to mlflow_read_artifact."),
  isDir: z.boolean(),
  sizeBytes: z.number().optional(),
});

/** mlflow_list_artifacts: the files a run logged, one level or a bounded tree. */
export const listArtifactsTool = defineMlflowTool({
  name: 'mlflow_list_artifacts',
  title: "List an MLflow run's artifacts",
  description: 'List the files an MLflow run logged, with sizes; one level unless recursive.',
  namespace: 'mlflow',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    runId: runIdInput,
    path: z.string().max(1000).optional(),
    recursive: z.boolean().default(false),
    maxDepth: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(5)
      .describe('With recursive: directory levels.'),
    maxEntries: z.number().int().min(1).max(1000).default(200),
  }),
  outputSchema: z.object({
    runId: z.string(),
    path: z.string().describe('The directory listed ("" = artifact root).'),
    items: z.array(EntrySchema),
    truncated: z
      .boolean()
      .optional()
      .describe('True when entries were left out (maxEntries, maxDepth or the response budget).'),
    unlisted: z
      .array(z.string())
      .optional()
      .describe('Directories whose contents were not listed; list them with `path`.'),
    note: z.string().optional(),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const runId = parseRunId(input.runId);
    const path = parseArtifactPath(input.path ?? '');
    const tree = await walkArtifacts(
      client,
      {
        runId,
        path,
        maxDepth: input.recursive ? input.maxDepth : 1,
        maxEntries: input.maxEntries,
      },
      { signal },
    );
    const entries = tree.items.map(({ path: entryPath, isDir, sizeBytes }) => ({
      path: entryPath,
      isDir,
      ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    }));
    const page = fitPageToBudget({ items: entries }, maxResponseTokens - 200);
    // One level (not recursive) leaves subdirectories closed by design: that is not a cut.
    const unlisted = input.recursive ? tree.unlisted : [];
    const truncated = tree.truncated || page.truncated === true || unlisted.length > 0;
    let note: string | undefined;
    if (entries.length === 0) {
      note = path
        ? `Nothing under "${path}": it does not exist, or it is a file (read it with mlflow_read_artifact).`
        : 'This run has logged no artifacts.';
    } else if (truncated) {
      note = `Showing ${page.items.length} entries; list a subdirectory with \`path\`${input.recursive ? '' : ' or use recursive: true'} to see more.`;
    }
    return {
      runId,
      path,
      items: page.items,
      ...(truncated ? { truncated } : {}),
      ...(unlisted.length ? { unlisted } : {}),
      ...(note ? { note } : {}),
    };
  },
});

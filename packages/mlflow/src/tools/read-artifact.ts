import { z } from 'zod';
import { readArtifactBytes } from '../api/artifacts.js';
import {
  ArtifactContentSchema,
  describeArtifactContent,
  isBinaryPath,
} from '../artifact-content.js';
import { parseArtifactPath } from '../artifact-path.js';
import { artifactDownloadUrl } from '../map-artifact.js';
import { parseRunId } from '../run-id.js';
import { defineMlflowTool } from './define.js';
import { runIdInput } from './metrics-inputs.js';

/** Bytes read of a file whose extension already says it is binary: just enough for its size. */
const BINARY_PROBE_BYTES = 16;

/** mlflow_read_artifact: the content of one run artifact, capped, parsed when structured. */
export const readArtifactTool = defineMlflowTool({
  name: 'mlflow_read_artifact',
  title: 'Read an MLflow run artifact',
  description:
    'Read one file a run logged: JSON and YAML come back parsed (when the whole file fits maxBytes), ' +
    'CSV/TSV as columns plus the first rows, Markdown, logs and other text as text. Reads at most ' +
    'maxBytes and says when it cut (truncated). Binary files (models, images, archives) are described ' +
    'with their size instead of their bytes. The run id comes from mlflow_search_runs and the path from ' +
    'mlflow_list_artifacts.',
  namespace: 'mlflow',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    runId: runIdInput,
    path: z
      .string()
      .min(1)
      .max(1000)
      .describe(
        "File path relative to the run's artifact root, as mlflow_list_artifacts shows it.",
      ),
    maxBytes: z
      .number()
      .int()
      .min(256)
      .max(262_144)
      .default(16_384)
      .describe(
        'Most bytes to download (256-262144, default 16384). Larger files are cut and flagged.',
      ),
    maxRows: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(20)
      .describe('CSV/TSV: how many data rows to return after the header (1-500, default 20).'),
  }),
  outputSchema: ArtifactContentSchema.extend({
    runId: z.string(),
    path: z.string(),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    // The path is checked before the run id so a traversal attempt never reaches the server.
    const path = parseArtifactPath(input.path);
    const runId = parseRunId(input.runId);
    const read = await readArtifactBytes(
      client,
      { runId, path, maxBytes: isBinaryPath(path) ? BINARY_PROBE_BYTES : input.maxBytes },
      { signal },
    );
    const content = await describeArtifactContent(path, read, {
      maxRows: input.maxRows,
      maxChars: Math.max(500, maxResponseTokens * 4 - 1_000),
      downloadUrl: artifactDownloadUrl(client.baseUrl, runId, path),
    });
    return { runId, path, ...content };
  },
});

import { z } from 'zod';
import { runIdInput } from '../metrics/metrics-inputs.js';
import { parseRunId } from '../runs/run-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  ArtifactContentSchema,
  describeArtifactContent,
  isBinaryPath,
} from './artifact-content.js';
import { parseArtifactPath } from './artifact-path.js';
import { readArtifactBytes } from './artifacts-api.js';
import { artifactDownloadUrl } from './map-artifact.js';

/** Bytes read of a file whose extension already says it is binary: just enough for its size. */
const BINARY_PROBE_BYTES = 16;

/** mlflow_read_artifact: the content of one run artifact, capped, parsed when structured. */
export const readArtifactTool = defineMlflowTool({
  name: 'mlflow_read_artifact',
  title: 'Read an MLflow run artifact',
  description:
    'Read one logged file: JSON/YAML parsed, CSV as columns, text as text, binaries described.',
  namespace: 'mlflow',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    runId: runIdInput,
    path: z.string().min(1).max(1000).describe('Path as mlflow_list_artifacts shows it.'),
    maxBytes: z.number().int().min(256).max(262_144).default(16_384),
    maxRows: z.number().int().min(1).max(500).default(20).describe('CSV/TSV data rows to return.'),
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

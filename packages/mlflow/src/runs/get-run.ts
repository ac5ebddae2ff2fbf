import { RunSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { includeSystemTagsInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseRunId } from './run-id.js';

/** mlflow_get_run: one run with all its params, latest metrics and tags. */
export const getRunTool = defineMlflowTool({
  name: 'mlflow_get_run',
  title: 'Get an MLflow run',
  description: 'Get one MLflow run: status, timing, params, latest metrics, tags.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    runId: z.string().min(1).max(200),
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: RunSchema,
  async handler(input, { client, signal }) {
    return client.getRun(parseRunId(input.runId), {
      signal,
      includeSystemTags: input.includeSystemTags,
    });
  },
});

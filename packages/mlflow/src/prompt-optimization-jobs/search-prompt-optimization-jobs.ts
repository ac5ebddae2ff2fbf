import { decodeCursor, encodeCursor, fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { cursorInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapPromptOptimizationJob } from './map-prompt-optimization-job.js';
import { jobExperimentIdInput } from './prompt-optimization-inputs.js';
import { PromptOptimizationJobSchema } from './prompt-optimization-job-model.js';
import { searchPromptOptimizationJobs } from './prompt-optimization-jobs-api.js';

/** mlflow_search_prompt_optimization_jobs: the prompt optimization jobs of one experiment. */
export const searchPromptOptimizationJobsTool = defineMlflowTool({
  name: 'mlflow_search_prompt_optimization_jobs',
  title: 'Search MLflow prompt optimization jobs',
  description: 'List the prompt optimization jobs of one MLflow experiment.',
  namespace: 'mlflow',
  toolsets: ['prompts'],
  access: 'read',
  inputSchema: z.object({
    experimentId: jobExperimentIdInput,
    statuses: z
      .array(
        z.enum([
          'PENDING',
          'IN_PROGRESS',
          'COMPLETED',
          'FAILED',
          'CANCELED',
          'TIMEOUT',
          'NEEDS_RECOVERY',
        ]),
      )
      .max(7)
      .optional(),
    limit: limitInput(25, 1000),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(PromptOptimizationJobSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const experimentId = parseExperimentId(input.experimentId);
    const statuses: readonly string[] = input.statuses ?? [];
    // MLflow returns every job of the experiment at once; filter and page here.
    const all = (await searchPromptOptimizationJobs(client, experimentId, { signal }))
      .map(mapPromptOptimizationJob)
      .filter((job) => !statuses.length || statuses.includes(job.status));
    const { skip = 0 } = decodeCursor(input.cursor);
    const end = skip + input.limit;
    return fitPageToBudget(
      {
        items: all.slice(skip, end),
        nextCursor: end < all.length ? encodeCursor({ skip: end }) : undefined,
        totalCount: all.length,
        resumeAt: (index) => encodeCursor({ skip: skip + index }),
      },
      maxResponseTokens,
    );
  },
});

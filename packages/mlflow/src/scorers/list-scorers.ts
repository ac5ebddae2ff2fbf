import { decodeCursor, encodeCursor, fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { cursorInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapScorer } from './map-scorer.js';
import { scorerExperimentIdInput } from './scorer-inputs.js';
import { ScorerSchema } from './scorer-model.js';
import { listScorers } from './scorers-api.js';

/** mlflow_list_scorers: the registered scorers (latest version each) of some or all experiments. */
export const listScorersTool = defineMlflowTool({
  name: 'mlflow_list_scorers',
  title: 'List MLflow registered scorers',
  description:
    'List the scorers (LLM judges, code checks) registered to MLflow experiments, latest version of each.',
  namespace: 'mlflow',
  toolsets: ['scorers'],
  access: 'read',
  inputSchema: z.object({
    experimentIds: z.array(scorerExperimentIdInput).max(100).optional(),
    limit: limitInput(50, 1000),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(ScorerSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const ids = (input.experimentIds ?? []).map((id) => parseExperimentId(id, 'experimentIds'));
    // MLflow returns every scorer at once; page through them here.
    const { skip = 0 } = decodeCursor(input.cursor);
    const all = await listScorers(client, [...new Set(ids)], { signal });
    const end = skip + input.limit;
    return fitPageToBudget(
      {
        items: all.slice(skip, end).map(mapScorer),
        nextCursor: end < all.length ? encodeCursor({ skip: end }) : undefined,
        totalCount: all.length,
        resumeAt: (index) => encodeCursor({ skip: skip + index }),
      },
      maxResponseTokens,
    );
  },
});

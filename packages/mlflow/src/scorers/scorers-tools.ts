import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { deleteScorerTool } from './delete-scorer.js';
import { getScorerTool } from './get-scorer.js';
import { listScorerVersionsTool } from './list-scorer-versions.js';
import { listScorersTool } from './list-scorers.js';

/** The MLflow registered-scorer tools (GenAI judges), in the order tools/list shows them. */
export const scorersTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  listScorersTool,
  listScorerVersionsTool,
  getScorerTool,
  deleteScorerTool,
];

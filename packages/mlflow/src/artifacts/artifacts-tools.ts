import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { listArtifactsTool } from './list-artifacts.js';
import { readArtifactTool } from './read-artifact.js';

/** Artifact tools, in the order tools/list shows them. */
export const artifactsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  listArtifactsTool,
  readArtifactTool,
];

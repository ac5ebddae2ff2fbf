import { defineTool } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';

/** Declares an MLflow tool: its handler receives the MLflow adapter as `client`. */
export const defineMlflowTool = defineTool<MlflowAdapter>();

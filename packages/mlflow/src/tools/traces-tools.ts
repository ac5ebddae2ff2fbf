import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { deleteAssessmentTool } from './delete-assessment.js';
import { deleteTraceTagTool } from './delete-trace-tag.js';
import { deleteTracesTool } from './delete-traces.js';
import { getAssessmentTool } from './get-assessment.js';
import { getEvaluationDatasetTool } from './get-evaluation-dataset.js';
import { getTraceTool } from './get-trace.js';
import { getTraceInfoTool } from './get-trace-info.js';
import { logExpectationTool } from './log-expectation.js';
import { logFeedbackTool } from './log-feedback.js';
import { searchEvaluationDatasetsTool } from './search-evaluation-datasets.js';
import { searchTracesTool } from './search-traces.js';
import { setTraceTagTool } from './set-trace-tag.js';
import { updateAssessmentTool } from './update-assessment.js';

/**
 * The MLflow GenAI tools: traces, assessments and evaluation dataset reads, in the order
 * tools/list shows them.
 */
export const tracesTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchTracesTool,
  getTraceInfoTool,
  getTraceTool,
  setTraceTagTool,
  deleteTraceTagTool,
  deleteTracesTool,
  logFeedbackTool,
  logExpectationTool,
  getAssessmentTool,
  updateAssessmentTool,
  deleteAssessmentTool,
  searchEvaluationDatasetsTool,
  getEvaluationDatasetTool,
];

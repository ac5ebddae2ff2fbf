import type { AnyToolDefinition } from '@mlops-mcp/core';
import { deleteAssessmentTool } from '../assessments/delete-assessment.js';
import { getAssessmentTool } from '../assessments/get-assessment.js';
import { logExpectationTool } from '../assessments/log-expectation.js';
import { logFeedbackTool } from '../assessments/log-feedback.js';
import { updateAssessmentTool } from '../assessments/update-assessment.js';
import { getEvaluationDatasetTool } from '../evaluation-datasets/get-evaluation-dataset.js';
import { searchEvaluationDatasetsTool } from '../evaluation-datasets/search-evaluation-datasets.js';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { deleteTraceTagTool } from './delete-trace-tag.js';
import { deleteTracesTool } from './delete-traces.js';
import { getTraceTool } from './get-trace.js';
import { getTraceInfoTool } from './get-trace-info.js';
import { searchTracesTool } from './search-traces.js';
import { setTraceTagTool } from './set-trace-tag.js';

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

import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import {
  assessmentMetadataInput,
  assessmentNameInput,
  assessmentValueInput,
  sourceIdInput,
  sourceTypeInput,
  traceIdInput,
} from '../traces/trace-inputs.js';
import { AssessmentSchema } from '../traces/trace-model.js';
import { logAssessment } from './assessments-api.js';

/** mlflow_log_expectation: record the ground truth a trace should have produced. */
export const logExpectationTool = defineMlflowTool({
  name: 'mlflow_log_expectation',
  title: 'Log an expectation on an MLflow trace',
  description: 'Attach an expectation (ground truth, e.g. expected_answer) to an MLflow trace.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    traceId: traceIdInput,
    name: assessmentNameInput,
    value: assessmentValueInput,
    sourceType: sourceTypeInput.default('HUMAN'),
    sourceId: sourceIdInput.default('mlops-mcp'),
    metadata: assessmentMetadataInput,
  }),
  outputSchema: AssessmentSchema,
  async handler(input, { client, signal }) {
    return logAssessment(client, 'expectation', input, { signal });
  },
});

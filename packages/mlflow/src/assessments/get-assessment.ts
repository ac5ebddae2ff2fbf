import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseAssessmentId, parseTraceId } from '../traces/trace-id.js';
import { assessmentIdInput, traceIdInput } from '../traces/trace-inputs.js';
import { AssessmentSchema } from '../traces/trace-model.js';
import { getAssessment } from './assessments-api.js';

/** mlflow_get_assessment: one feedback or expectation of a trace. */
export const getAssessmentTool = defineMlflowTool({
  name: 'mlflow_get_assessment',
  title: 'Get an MLflow assessment',
  description: 'Get one feedback or expectation of an MLflow trace.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'read',
  inputSchema: z.object({ traceId: traceIdInput, assessmentId: assessmentIdInput }),
  outputSchema: AssessmentSchema,
  async handler(input, { client, signal }) {
    return getAssessment(
      client,
      parseTraceId(input.traceId),
      parseAssessmentId(input.assessmentId),
      { signal },
    );
  },
});

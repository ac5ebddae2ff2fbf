import { z } from 'zod';
import { getAssessment } from '../api/assessments.js';
import { parseAssessmentId, parseTraceId } from '../trace-id.js';
import { AssessmentSchema } from '../trace-model.js';
import { defineMlflowTool } from './define.js';
import { assessmentIdInput, traceIdInput } from './trace-inputs.js';

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

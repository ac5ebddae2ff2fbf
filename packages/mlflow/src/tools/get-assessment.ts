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
  description:
    'Get one assessment (feedback or expectation) of an MLflow trace: value, rationale, source, ' +
    'times, metadata. mlflow_get_trace_info lists all assessments of a trace with their ids.',
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

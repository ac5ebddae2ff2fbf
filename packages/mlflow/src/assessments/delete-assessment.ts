import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseAssessmentId, parseTraceId } from '../traces/trace-id.js';
import { assessmentIdInput, traceIdInput } from '../traces/trace-inputs.js';
import { AssessmentSchema } from '../traces/trace-model.js';
import { deleteAssessment } from './assessments-api.js';

/** mlflow_delete_assessment: remove one feedback or expectation from a trace. */
export const deleteAssessmentTool = defineMlflowTool({
  name: 'mlflow_delete_assessment',
  title: 'Delete an MLflow assessment',
  description: 'Permanently delete one feedback or expectation from an MLflow trace.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({ traceId: traceIdInput, assessmentId: assessmentIdInput }),
  outputSchema: z.object({ deleted: AssessmentSchema }),
  async handler(input, { client, signal }) {
    const deleted = await deleteAssessment(
      client,
      parseTraceId(input.traceId),
      parseAssessmentId(input.assessmentId),
      { signal },
    );
    return { deleted };
  },
});

import { z } from 'zod';
import { deleteAssessment } from '../api/assessments.js';
import { parseAssessmentId, parseTraceId } from '../trace-id.js';
import { AssessmentSchema } from '../trace-model.js';
import { defineMlflowTool } from './define.js';
import { assessmentIdInput, traceIdInput } from './trace-inputs.js';

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

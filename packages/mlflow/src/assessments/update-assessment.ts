import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseAssessmentId, parseTraceId } from '../traces/trace-id.js';
import {
  assessmentIdInput,
  assessmentMetadataInput,
  assessmentValueInput,
  traceIdInput,
} from '../traces/trace-inputs.js';
import { AssessmentSchema } from '../traces/trace-model.js';
import { updateAssessment } from './assessments-api.js';

/** mlflow_update_assessment: change an assessment's name, value, rationale or metadata in place. */
export const updateAssessmentTool = defineMlflowTool({
  name: 'mlflow_update_assessment',
  title: 'Update an MLflow assessment',
  description:
    'Change a feedback or expectation of an MLflow trace in place (not its source or span).',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    traceId: traceIdInput,
    assessmentId: assessmentIdInput,
    name: z.string().min(1).max(250).optional(),
    value: assessmentValueInput.optional(),
    rationale: z.string().max(10_000).optional().describe('Feedback only.'),
    metadata: assessmentMetadataInput,
  }),
  outputSchema: AssessmentSchema,
  async handler(input, { client, signal }) {
    return updateAssessment(
      client,
      parseTraceId(input.traceId),
      parseAssessmentId(input.assessmentId),
      {
        name: input.name,
        value: input.value,
        rationale: input.rationale,
        metadata: input.metadata,
      },
      { signal },
    );
  },
});

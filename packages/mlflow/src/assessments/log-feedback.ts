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

/** mlflow_log_feedback: record a judgement (pass/fail, score, label) of a trace. */
export const logFeedbackTool = defineMlflowTool({
  name: 'mlflow_log_feedback',
  title: 'Log feedback on an MLflow trace',
  description:
    'Attach feedback (e.g. correctness true/false, a score) with rationale to an MLflow trace or span.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    traceId: traceIdInput,
    name: assessmentNameInput,
    value: assessmentValueInput,
    rationale: z.string().max(10_000).optional(),
    sourceType: sourceTypeInput.default('HUMAN'),
    sourceId: sourceIdInput.default('mlops-mcp'),
    spanId: z
      .string()
      .regex(/^[0-9a-f]{16}$/i, 'A span id is 16 hex characters.')
      .optional(),
    metadata: assessmentMetadataInput,
  }),
  outputSchema: AssessmentSchema,
  async handler(input, { client, signal }) {
    return logAssessment(client, 'feedback', input, { signal });
  },
});

import { z } from 'zod';
import { createAssessment } from '../api/assessments.js';
import { parseTraceId } from '../trace-id.js';
import { AssessmentSchema } from '../trace-model.js';
import { defineMlflowTool } from './define.js';
import {
  assessmentMetadataInput,
  assessmentNameInput,
  assessmentValueInput,
  sourceIdInput,
  sourceTypeInput,
  traceIdInput,
} from './trace-inputs.js';

/** mlflow_log_feedback: record a judgement (pass/fail, score, label) of a trace. */
export const logFeedbackTool = defineMlflowTool({
  name: 'mlflow_log_feedback',
  title: 'Log feedback on an MLflow trace',
  description:
    'Attach feedback to an MLflow trace: a judgement of its quality such as correctness true/false, ' +
    'a 0-1 relevance score, or a label, with a rationale and who gave it (HUMAN, LLM_JUDGE or CODE). ' +
    'Searchable afterwards with "feedback.<name> = \'<value>\'". The trace id comes from ' +
    'mlflow_search_traces; optionally target one span (span ids from mlflow_get_trace). Returns the ' +
    'new assessment with its id.',
  namespace: 'mlflow',
  toolsets: ['traces'],
  access: 'write',
  destructive: false,
  idempotent: false,
  inputSchema: z.object({
    traceId: traceIdInput,
    name: assessmentNameInput,
    value: assessmentValueInput.describe(
      'The judgement: true/false, a number, a string label, or a JSON object/list.',
    ),
    rationale: z.string().max(10_000).optional().describe('Why this value was given.'),
    sourceType: sourceTypeInput.default('HUMAN'),
    sourceId: sourceIdInput.default('mlops-mcp'),
    spanId: z
      .string()
      .regex(/^[0-9a-f]{16}$/i, 'A span id is 16 hex characters.')
      .optional()
      .describe('Attach to this span instead of the whole trace (id from mlflow_get_trace).'),
    metadata: assessmentMetadataInput,
  }),
  outputSchema: AssessmentSchema,
  async handler(input, { client, signal }) {
    return createAssessment(
      client,
      parseTraceId(input.traceId),
      {
        kind: 'feedback',
        name: input.name,
        value: input.value,
        rationale: input.rationale,
        source: { type: input.sourceType, id: input.sourceId },
        spanId: input.spanId,
        metadata: input.metadata,
      },
      { signal },
    );
  },
});

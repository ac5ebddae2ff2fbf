import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapScorer, scorerDefinitionText } from './map-scorer.js';
import { scorerExperimentIdInput, scorerNameInput, scorerVersionInput } from './scorer-inputs.js';
import { ScorerSchema } from './scorer-model.js';
import { getScorer } from './scorers-api.js';

/** mlflow_get_scorer: one scorer version with its serialized definition. */
export const getScorerTool = defineMlflowTool({
  name: 'mlflow_get_scorer',
  title: 'Get an MLflow registered scorer',
  description:
    'One registered MLflow scorer version with its serialized definition (latest unless version is given).',
  namespace: 'mlflow',
  toolsets: ['scorers'],
  access: 'read',
  inputSchema: z.object({
    experimentId: scorerExperimentIdInput,
    name: scorerNameInput,
    version: scorerVersionInput.optional(),
    maxDefinitionChars: z.number().int().min(100).max(100_000).default(4000),
  }),
  outputSchema: ScorerSchema.extend({
    definition: z.string().describe('The serialized scorer JSON (null fields dropped).'),
    definitionTruncated: z
      .boolean()
      .optional()
      .describe('True when `definition` was cut to maxDefinitionChars.'),
  }),
  async handler(input, { client, signal }) {
    const raw = await getScorer(
      client,
      {
        experimentId: parseExperimentId(input.experimentId),
        name: input.name,
        version: input.version,
      },
      { signal },
    );
    const definition = scorerDefinitionText(raw, input.maxDefinitionChars);
    return {
      ...mapScorer(raw),
      definition: definition.text,
      ...(definition.truncated ? { definitionTruncated: true } : {}),
    };
  },
});

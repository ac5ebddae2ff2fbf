import { z } from 'zod';
import { getScorer } from '../api/scorers.js';
import { parseExperimentId } from '../experiment-id.js';
import { mapScorer, scorerDefinitionText } from '../map-scorer.js';
import { ScorerSchema } from '../scorer-model.js';
import { defineMlflowTool } from './define.js';
import { scorerExperimentIdInput, scorerNameInput, scorerVersionInput } from './scorer-inputs.js';

/** mlflow_get_scorer: one scorer version with its serialized definition. */
export const getScorerTool = defineMlflowTool({
  name: 'mlflow_get_scorer',
  title: 'Get an MLflow registered scorer',
  description:
    'Get one registered MLflow scorer version (the latest unless `version` is given): its type, ' +
    'judge model, guidelines or instructions, and its serialized definition (the JSON MLflow ' +
    'stores and mlflow.genai loads; for @scorer functions it includes the source code), cut to ' +
    'maxDefinitionChars. The experiment id and name come from mlflow_list_scorers.',
  namespace: 'mlflow',
  toolsets: ['scorers'],
  access: 'read',
  inputSchema: z.object({
    experimentId: scorerExperimentIdInput,
    name: scorerNameInput,
    version: scorerVersionInput.optional().describe('Version to read; omit for the latest.'),
    maxDefinitionChars: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(4000)
      .describe('Longest serialized definition to return.'),
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

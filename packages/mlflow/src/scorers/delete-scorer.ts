import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { scorerExperimentIdInput, scorerNameInput, scorerVersionInput } from './scorer-inputs.js';
import { deleteScorer } from './scorers-api.js';

/** mlflow_delete_scorer: remove one version or all of a scorer. Listed only when writes are enabled. */
export const deleteScorerTool = defineMlflowTool({
  name: 'mlflow_delete_scorer',
  title: 'Delete an MLflow registered scorer',
  description:
    'Permanently delete one version of an MLflow scorer, or all with version "all"; its scheduled scoring stops.',
  namespace: 'mlflow',
  toolsets: ['scorers'],
  access: 'write',
  destructive: true,
  idempotent: true,
  inputSchema: z.object({
    experimentId: scorerExperimentIdInput,
    name: scorerNameInput,
    version: z.union([scorerVersionInput, z.literal('all')]).describe('A version, or "all".'),
  }),
  outputSchema: z.object({
    experimentId: z.string(),
    name: z.string(),
    deletedVersions: z.union([z.number(), z.literal('all')]),
  }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await deleteScorer(
      client,
      {
        experimentId,
        name: input.name,
        version: input.version === 'all' ? undefined : input.version,
      },
      { signal },
    );
    return { experimentId, name: input.name, deletedVersions: input.version };
  },
});

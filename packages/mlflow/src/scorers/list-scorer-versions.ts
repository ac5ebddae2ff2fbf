import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { mapScorer } from './map-scorer.js';
import { scorerExperimentIdInput, scorerNameInput } from './scorer-inputs.js';
import { ScorerSchema } from './scorer-model.js';
import { listScorerVersions } from './scorers-api.js';

/** mlflow_list_scorer_versions: every registered version of one scorer. */
export const listScorerVersionsTool = defineMlflowTool({
  name: 'mlflow_list_scorer_versions',
  title: 'List versions of an MLflow scorer',
  description: 'Every registered version of one MLflow scorer, oldest first.',
  namespace: 'mlflow',
  toolsets: ['scorers'],
  access: 'read',
  inputSchema: z.object({ experimentId: scorerExperimentIdInput, name: scorerNameInput }),
  outputSchema: z.object({ items: z.array(ScorerSchema) }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    const versions = await listScorerVersions(
      client,
      { experimentId, name: input.name },
      { signal },
    );
    const items = versions.map(mapScorer).sort((a, b) => a.version - b.version);
    return { items };
  },
});

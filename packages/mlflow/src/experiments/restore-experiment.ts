import { z } from 'zod';
import { defineMlflowTool } from '../shared/define-tool.js';
import { parseExperimentId } from './experiment-id.js';
import { experimentIdInput } from './experiment-inputs.js';
import { restoreExperiment } from './experiments-api.js';

/** mlflow_restore_experiment: undo a delete. Listed only when writes are enabled. */
export const restoreExperimentTool = defineMlflowTool({
  name: 'mlflow_restore_experiment',
  title: 'Restore a deleted MLflow experiment',
  description: 'Restore a deleted MLflow experiment and the runs deleted with it.',
  namespace: 'mlflow',
  toolsets: ['experiments'],
  access: 'write',
  destructive: false,
  inputSchema: z.object({ experimentId: experimentIdInput }),
  outputSchema: z.object({ experimentId: z.string(), lifecycle: z.literal('active') }),
  async handler(input, { client, signal }) {
    const experimentId = parseExperimentId(input.experimentId);
    await restoreExperiment(client, experimentId, { signal });
    return { experimentId, lifecycle: 'active' as const };
  },
});

import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { entityInput, projectInput } from '../shared/common-inputs.js';
import { defineWandbTool } from '../shared/define-tool.js';
import { WandbArtifactDetailSchema } from './wandb-artifact.js';

/** wandb_get_artifact: one artifact version with lineage. */
export const getArtifactTool = defineWandbTool({
  name: 'wandb_get_artifact',
  title: 'Get a W&B artifact version',
  description:
    'One W&B artifact version ("<entity>/<project>/<collection>:<alias or vN>") with metadata and the runs that made and used it.',
  namespace: 'wandb',
  toolsets: ['artifacts'],
  access: 'read',
  inputSchema: z.object({
    artifact: z.string().min(3).max(500),
    entity: entityInput,
    project: projectInput,
  }),
  outputSchema: WandbArtifactDetailSchema,
  async handler(input, { client, signal }) {
    const parts = input.artifact.trim().split('/');
    const name = parts.pop()!;
    if (!name.includes(':')) {
      throw new InvalidInputError(
        'Name the version: "<collection>:<alias>" or "<collection>:v<N>" (e.g. "llama-sft:latest").',
        {
          backend: 'wandb',
          field: 'artifact',
        },
      );
    }
    if (parts.length > 2) {
      throw new InvalidInputError('Use "<entity>/<project>/<collection>:<alias>".', {
        backend: 'wandb',
        field: 'artifact',
      });
    }
    const scope = {
      entity: parts.length === 2 ? parts[0] : input.entity,
      project: parts.length >= 1 ? parts.at(-1) : input.project,
    };
    const { entity, project } = await client.resolveProject(scope, { signal });
    return client.getArtifact({ entity, project, name }, { signal });
  },
});

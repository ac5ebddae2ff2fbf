import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PAGE_INFO_FIELDS } from '../page-info.js';
import { ARTIFACT_FIELDS_FRAGMENT, ArtifactConnectionSchema } from './artifact-fields.js';

function runArtifactsText(name: string, field: 'outputArtifacts' | 'inputArtifacts'): string {
  return `query ${name}($entity: String!, $project: String!, $run: String!, $first: Int!, $after: String) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) {
      name
      artifacts: ${field}(first: $first, after: $after) {
        totalCount
        edges { cursor node { ...WandbArtifactFields } }
        ${PAGE_INFO_FIELDS}
      }
    }
  }
}
${ARTIFACT_FIELDS_FRAGMENT}`;
}

const RunArtifactsSchema = z.object({
  project: z
    .object({
      name: z.string(),
      run: z.object({ name: z.string(), artifacts: ArtifactConnectionSchema.nullish() }).nullable(),
    })
    .nullable(),
});

/** Artifact versions a run logged (SDK: RunOutputArtifacts). */
export const RunOutputArtifactsDocument = graphqlDocument({
  name: 'WandbRunOutputArtifacts',
  kind: 'query',
  operation: 'list logged artifacts',
  text: runArtifactsText('WandbRunOutputArtifacts', 'outputArtifacts'),
  schema: RunArtifactsSchema,
});

/** Artifact versions a run used as inputs (SDK: RunInputArtifacts). */
export const RunInputArtifactsDocument = graphqlDocument({
  name: 'WandbRunInputArtifacts',
  kind: 'query',
  operation: 'list used artifacts',
  text: runArtifactsText('WandbRunInputArtifacts', 'inputArtifacts'),
  schema: RunArtifactsSchema,
});

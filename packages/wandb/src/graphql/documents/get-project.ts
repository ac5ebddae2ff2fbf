import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { PROJECT_FIELDS_FRAGMENT, ProjectNodeSchema } from './project-fields.js';

/** One project with its run count (SDK: GetProject, Runs.runCount). */
export const GetProjectDocument = graphqlDocument({
  name: 'WandbGetProject',
  kind: 'query',
  operation: 'get project',
  text: `query WandbGetProject($entity: String!, $project: String!) {
  project(name: $project, entityName: $entity) {
    ...WandbProjectFields
    ... on Project { runCount }
  }
}
${PROJECT_FIELDS_FRAGMENT}`,
  schema: z.object({
    project: ProjectNodeSchema.extend({ runCount: z.number().nullish() }).nullable(),
  }),
});

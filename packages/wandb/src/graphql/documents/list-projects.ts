import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { connectionSchema, PAGE_INFO_FIELDS } from '../page-info.js';
import { PROJECT_FIELDS_FRAGMENT, ProjectNodeSchema } from './project-fields.js';

/**
 * An entity's projects, one page. Asked through `entity(name:)` rather than the SDK's legacy
 * `models(entityName:)` so an unknown entity comes back as a null entity, not an empty list.
 */
export const ListProjectsDocument = graphqlDocument({
  name: 'WandbListProjects',
  kind: 'query',
  operation: 'list projects',
  text: `query WandbListProjects($entity: String!, $first: Int!, $after: String) {
  entity(name: $entity) {
    name
    projects(first: $first, after: $after) {
      edges { cursor node { ...WandbProjectFields } }
      ${PAGE_INFO_FIELDS}
    }
  }
}
${PROJECT_FIELDS_FRAGMENT}`,
  schema: z.object({
    entity: z
      .object({ name: z.string(), projects: connectionSchema(ProjectNodeSchema).nullish() })
      .nullable(),
  }),
});

import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';

/** Who the API key belongs to, their default entity and teams (SDK: GetViewer, GetDefaultEntity). */
export const ViewerDocument = graphqlDocument({
  name: 'WandbViewer',
  kind: 'query',
  operation: 'get viewer',
  text: `query WandbViewer {
  viewer {
    id
    username
    name
    email
    entity
    teams { edges { node { name } } }
  }
}`,
  schema: z.object({
    viewer: z
      .object({
        id: z.string(),
        username: z.string().nullish(),
        name: z.string().nullish(),
        email: z.string().nullish(),
        entity: z.string().nullish(),
        teams: z
          .object({
            edges: z.array(z.object({ node: z.object({ name: z.string() }).nullish() })),
          })
          .nullish(),
      })
      .nullable(),
  }),
});

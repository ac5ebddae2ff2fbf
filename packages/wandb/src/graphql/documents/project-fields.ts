import { z } from 'zod';

/**
 * Project fields shown by the project tools, as a fragment so a server lacking an optional one
 * can be asked without it (graphql/trim-document.ts).
 */
export const PROJECT_FIELDS_FRAGMENT = `fragment WandbProjectFields on Project {
  id
  name
  entityName
  description
  createdAt
  updatedAt
}`;

/** A `Project` selected with {@link PROJECT_FIELDS_FRAGMENT}. */
export const ProjectNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  entityName: z.string().nullish(),
  description: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type ProjectNode = z.infer<typeof ProjectNodeSchema>;

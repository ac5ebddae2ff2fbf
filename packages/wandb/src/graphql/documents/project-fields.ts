import { z } from 'zod';

/** Project fields shown by the project tools. */
export const PROJECT_FIELDS = 'id name entityName description createdAt updatedAt';

/** A `Project` selected with {@link PROJECT_FIELDS}. */
export const ProjectNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  entityName: z.string().nullish(),
  description: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type ProjectNode = z.infer<typeof ProjectNodeSchema>;

import { z } from 'zod';

/** Fields of a report view as the report documents select it. */
export const VIEW_FIELDS =
  'id name displayName description type createdAt updatedAt spec user { username } project { name entityName }';

/** A `View` selected with {@link VIEW_FIELDS}; `spec` is still a JSON string. */
export const ViewNodeSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  type: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  spec: z.string().nullish(),
  user: z.object({ username: z.string().nullish() }).nullish(),
  project: z.object({ name: z.string(), entityName: z.string().nullish() }).nullish(),
});
export type ViewNode = z.infer<typeof ViewNodeSchema>;

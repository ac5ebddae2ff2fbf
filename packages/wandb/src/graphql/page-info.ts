import { z } from 'zod';

/** Relay `PageInfo` as the documents select it. */
export const PageInfoSchema = z.object({
  endCursor: z.string().nullish(),
  hasNextPage: z.boolean(),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** The `pageInfo` selection every paged document uses. */
export const PAGE_INFO_FIELDS = 'pageInfo { endCursor hasNextPage }';

/** A connection of `node` as the paged documents select it: edges with cursor, and pageInfo. */
export function connectionSchema<Node extends z.ZodType>(node: Node) {
  return z.object({
    edges: z.array(z.object({ cursor: z.string().nullish(), node: node.nullish() })),
    pageInfo: PageInfoSchema,
  });
}

/** `project(name:, entityName:) { name ... }`: null when the project does not exist. */
export function projectSchema<Fields extends z.ZodRawShape>(fields: Fields) {
  return z.object({ project: z.object({ name: z.string(), ...fields }).nullable() });
}

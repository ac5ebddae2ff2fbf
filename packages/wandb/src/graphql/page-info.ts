import { z } from 'zod';

/** Relay `PageInfo` as the documents select it. */
export const PageInfoSchema = z.object({
  endCursor: z.string().nullish(),
  hasNextPage: z.boolean(),
});
export type PageInfo = z.infer<typeof PageInfoSchema>;

/** The `pageInfo` selection every paged document uses. */
export const PAGE_INFO_FIELDS = 'pageInfo { endCursor hasNextPage }';

import { z } from 'zod';

const Int64 = z.union([z.number(), z.string()]).transform((value) => Number(value));

/** `GET artifacts/list`: one directory level; `file_size` only on files. */
export const ListArtifactsResponseSchema = z.object({
  root_uri: z.string().optional(),
  files: z
    .array(
      z.object({
        path: z.string(),
        is_dir: z.boolean().optional().default(false),
        file_size: Int64.optional(),
      }),
    )
    .optional()
    .default([]),
  next_page_token: z.string().optional(),
});
export type MlflowFileInfo = z.infer<typeof ListArtifactsResponseSchema>['files'][number];

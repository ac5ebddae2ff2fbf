import { z } from 'zod';
import type { PrefectBlockDocument, PrefectVariable } from '../shared/prefect-api-types.js';

/** A Prefect variable: name and (JSON) value. */
export const PrefectVariableViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.unknown(),
  tags: z.array(z.string()).optional(),
  updatedAt: z.string().optional(),
});
export type PrefectVariableView = z.infer<typeof PrefectVariableViewSchema>;

/** Maps a variable. */
export function mapVariable(raw: PrefectVariable): PrefectVariableView {
  const view: PrefectVariableView = { id: raw.id, name: raw.name, value: raw.value };
  if (raw.tags.length) view.tags = raw.tags;
  if (raw.updated) view.updatedAt = raw.updated;
  return view;
}

/** A block document's metadata. Its values are never read into this shape. */
export const PrefectBlockViewSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  type: z.string().optional().describe('Block type name, e.g. Secret, S3 Bucket'),
  typeSlug: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type PrefectBlockView = z.infer<typeof PrefectBlockViewSchema>;

/** Maps a block document to its metadata. */
export function mapBlock(raw: PrefectBlockDocument): PrefectBlockView {
  const view: PrefectBlockView = { id: raw.id };
  if (raw.name) view.name = raw.name;
  const type = raw.block_type?.name ?? raw.block_type_name;
  if (type) view.type = type;
  if (raw.block_type?.slug) view.typeSlug = raw.block_type.slug;
  if (raw.created) view.createdAt = raw.created;
  if (raw.updated) view.updatedAt = raw.updated;
  return view;
}

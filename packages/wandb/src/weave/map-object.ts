import { z } from 'zod';
import type { WireObj } from './weave-api-types.js';
import { objectRef, type WeaveProject } from './weave-ids.js';
import { isoFromWeave } from './weave-time.js';

/** One version of a Weave object (dataset, model, prompt, evaluation, op, ...). */
export const ObjectVersionSchema = z.object({
  uri: z.string().describe('weave:///<entity>/<project>/object/<name>:<digest>'),
  name: z.string(),
  digest: z.string(),
  version: z.string().describe('"v<index>": v0 is the first version.'),
  isLatest: z.boolean(),
  kind: z.string().describe('"object" or "op".'),
  baseClass: z.string().optional().describe('Dataset, Model, Evaluation, Prompt, Scorer, ...'),
  leafClass: z
    .string()
    .optional()
    .describe('The concrete class, e.g. StringPrompt or a Model subclass.'),
  createdAt: z.string().optional().describe('ISO 8601'),
  tags: z.array(z.string()).optional(),
  aliases: z.array(z.string()).optional(),
});
export type ObjectVersion = z.infer<typeof ObjectVersionSchema>;

/** Maps an object version's metadata (never its value). */
export function mapObjectVersion(obj: WireObj, project: WeaveProject): ObjectVersion {
  const item: ObjectVersion = {
    uri: objectRef(project, obj.object_id, obj.digest),
    name: obj.object_id,
    digest: obj.digest,
    version: `v${obj.version_index}`,
    isLatest: obj.is_latest === 1,
    kind: obj.kind,
  };
  if (obj.base_object_class) item.baseClass = obj.base_object_class;
  if (obj.leaf_object_class) item.leafClass = obj.leaf_object_class;
  const createdAt = isoFromWeave(obj.created_at);
  if (createdAt) item.createdAt = createdAt;
  if (obj.tags?.length) item.tags = obj.tags;
  if (obj.aliases?.length) item.aliases = obj.aliases;
  return item;
}

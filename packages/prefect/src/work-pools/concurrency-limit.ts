import { z } from 'zod';
import type { PrefectGlobalLimit, PrefectTagLimit } from '../shared/prefect-api-types.js';

/**
 * One concurrency limit. Prefect 3 stores tag limits and deployment limits as v2 limits named
 * `tag:<tag>` and `deployment:<id>` (prefect/server/models/concurrency_limits_v2.py), so the
 * v2 list mixes all three; `kind` tells them apart.
 */
export const PrefectConcurrencyLimitViewSchema = z.object({
  kind: z.enum(['global', 'tag', 'deployment']),
  name: z
    .string()
    .describe('Limit name; for kind tag the tag, for kind deployment the deployment id'),
  id: z.string(),
  limit: z.number(),
  activeSlots: z.number(),
  atCapacity: z.boolean(),
  active: z.boolean().optional().describe('False when the limit is switched off'),
  slotDecayPerSecond: z.number().optional(),
  holders: z
    .array(z.string())
    .optional()
    .describe('Task run ids holding a tag limit slot (v1 API)'),
});
export type PrefectConcurrencyLimitView = z.infer<typeof PrefectConcurrencyLimitViewSchema>;

/** Maps the v2 limits, using the v1 tag limits for the task runs that hold tag slots. */
export function mapConcurrencyLimits(
  v2: PrefectGlobalLimit[],
  tagLimits: PrefectTagLimit[],
): PrefectConcurrencyLimitView[] {
  const holdersByTag = new Map(tagLimits.map((t) => [t.tag, t.active_slots]));
  const views: PrefectConcurrencyLimitView[] = v2.map((raw) => {
    const [kind, name] = raw.name.startsWith('tag:')
      ? (['tag', raw.name.slice(4)] as const)
      : raw.name.startsWith('deployment:')
        ? (['deployment', raw.name.slice(11)] as const)
        : (['global', raw.name] as const);
    const view: PrefectConcurrencyLimitView = {
      kind,
      name,
      id: raw.id,
      limit: raw.limit,
      activeSlots: raw.active_slots,
      atCapacity: raw.active !== false && raw.active_slots >= raw.limit,
    };
    if (raw.active !== undefined) view.active = raw.active;
    if (raw.slot_decay_per_second) view.slotDecayPerSecond = raw.slot_decay_per_second;
    const holders = kind === 'tag' ? holdersByTag.get(name) : undefined;
    if (holders?.length) view.holders = holders;
    return view;
  });
  // Tag limits only the v1 API knows (none on 3.8, but older servers kept them apart).
  for (const tag of tagLimits) {
    if (views.some((v) => v.kind === 'tag' && v.name === tag.tag)) continue;
    views.push({
      kind: 'tag',
      name: tag.tag,
      id: tag.id,
      limit: tag.concurrency_limit,
      activeSlots: tag.active_slots.length,
      atCapacity: tag.active_slots.length >= tag.concurrency_limit,
      ...(tag.active_slots.length ? { holders: tag.active_slots } : {}),
    });
  }
  return views;
}

/** Config keys W&B itself writes; the SDK keeps them out of `run.config` too (WANDB_INTERNAL_KEYS). */
const INTERNAL_CONFIG_KEYS = new Set(['_wandb', 'wandb_version']);

/**
 * Unwraps W&B's stored config, where each key is `{"value": v, "desc": d}`, to plain values and
 * drops W&B's own keys, as the SDK's `Run._load_from_attrs` does (wandb/apis/public/runs.py).
 */
export function unwrapConfig(raw: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, stored] of Object.entries(raw)) {
    if (INTERNAL_CONFIG_KEYS.has(key)) continue;
    const wrapped =
      stored !== null && typeof stored === 'object' && !Array.isArray(stored) && 'value' in stored;
    config[key] = wrapped ? (stored as { value: unknown }).value : stored;
  }
  return config;
}

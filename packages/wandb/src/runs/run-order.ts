import { InvalidInputError } from '@mlops-mcp/core';

const ORDER =
  /^([+-]?)(created_at|heartbeat_at|createdAt|heartbeatAt|display_name|displayName|name|state|summary_metrics\.\S+|config\.\S+)$/;

/**
 * Checks a W&B run order ("+created_at", "-summary_metrics.eval/accuracy", "+config.lr") and
 * returns it as W&B expects it: a sign always present, and config keys ending in `.value`,
 * because W&B sorts on the stored `{value, desc}` wrapper (the SDK documents order keys as
 * `config.*.value`: wandb/apis/public/runs.py `Runs`).
 */
export function normalizeRunOrder(order: string): string {
  const match = ORDER.exec(order.trim());
  if (!match) {
    throw new InvalidInputError(
      `"${order.slice(0, 100)}" is not a W&B run order. Use +|- followed by created_at, heartbeat_at, ` +
        'summary_metrics.<key> or config.<key>.',
      {
        backend: 'wandb',
        field: 'order',
        hint: 'Examples: "-summary_metrics.eval/accuracy" (best first), "+created_at" (oldest first).',
      },
    );
  }
  const sign = match[1] || '+';
  let key = match[2]!;
  if (key.startsWith('config.') && !key.endsWith('.value')) key = `${key}.value`;
  return `${sign}${key}`;
}

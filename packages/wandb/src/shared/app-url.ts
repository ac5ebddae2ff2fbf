/**
 * The W&B web app's URL for an API base URL, following the SDK's `app_url` (wandb/util.py):
 * `api.wandb.test` → `app.wandb.test` (W&B's dev hosts), `api.wandb.<tld>` → `wandb.<tld>` (the
 * cloud), any other `api.<host>` → `app.<host>` (dedicated cloud), else the base URL itself
 * (self-managed servers serve app and API from one URL).
 */
export function wandbAppUrl(baseUrl: string): string {
  const url = baseUrl.replace(/\/+$/, '');
  if (url.includes('://api.wandb.test')) return url.replace('://api.', '://app.');
  if (url.includes('://api.wandb.')) return url.replace('://api.', '://');
  if (url.includes('://api.')) return url.replace('://api.', '://app.');
  return url;
}

/** An app URL with percent-encoded path segments. */
export function appPath(appUrl: string, ...segments: string[]): string {
  return `${appUrl}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

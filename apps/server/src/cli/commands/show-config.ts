import type { GatewayConfig } from '../../config/gateway-config.js';

const MASK = '***';

/** The resolved configuration as JSON with every credential masked. */
export function maskedConfig(config: GatewayConfig): string {
  const masked = structuredClone(config);
  if (masked.mlflow) masked.mlflow.trackingUri = maskUserinfo(masked.mlflow.trackingUri);
  if (masked.mlflow?.token) masked.mlflow.token = MASK;
  if (masked.mlflow?.password) masked.mlflow.password = MASK;
  if (masked.wandb) masked.wandb.apiKey = MASK;
  if (masked.prefect?.apiKey) masked.prefect.apiKey = MASK;
  if (masked.prefect?.authString) masked.prefect.authString = MASK;
  if (masked.prefect) masked.prefect.apiUrl = maskUserinfo(masked.prefect.apiUrl);
  if (masked.http.token) masked.http.token = MASK;
  return `${JSON.stringify(masked, null, 2)}\n`;
}

/** Keeps the user name of a URL's userinfo but masks its password. */
function maskUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = MASK;
    return parsed.toString().replace(encodeURIComponent(MASK), MASK);
  } catch {
    return url;
  }
}

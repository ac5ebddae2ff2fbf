import { ConfigError, secrets } from '@mlops-mcp/core';
import { z } from 'zod';

/** How to reach an MLflow tracking server. */
export const MlflowSettingsSchema = z.object({
  trackingUri: z.string(),
  token: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
});
export type MlflowSettings = z.infer<typeof MlflowSettingsSchema>;

/**
 * Reads MLflow's own environment variables (MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN,
 * MLFLOW_TRACKING_USERNAME / _PASSWORD), so an existing MLflow set-up just works. Returns
 * undefined when no tracking URI is set. Registers the credentials for redaction.
 */
export function mlflowSettingsFromEnv(env: NodeJS.ProcessEnv): MlflowSettings | undefined {
  const trackingUri = env.MLFLOW_TRACKING_URI?.trim();
  if (!trackingUri) return undefined;
  if (!/^https?:\/\//i.test(trackingUri)) {
    throw new ConfigError(
      `MLFLOW_TRACKING_URI must be an http(s) URL of an MLflow tracking server (got "${trackingUri.split(':')[0]}:..."); start one with "mlflow server" and point the variable at it.`,
    );
  }
  const settings: MlflowSettings = { trackingUri };
  if (env.MLFLOW_TRACKING_TOKEN) settings.token = env.MLFLOW_TRACKING_TOKEN;
  if (env.MLFLOW_TRACKING_USERNAME) settings.username = env.MLFLOW_TRACKING_USERNAME;
  if (env.MLFLOW_TRACKING_PASSWORD) settings.password = env.MLFLOW_TRACKING_PASSWORD;
  secrets.add(settings.token);
  secrets.add(settings.password);
  return settings;
}

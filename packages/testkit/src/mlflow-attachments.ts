import { runSeedScript } from './seed-script.js';
import { childEnv, OFFLINE_PYTHON_ENV } from './server-env.js';

/** Traces logged by python/mlflow_attachments.py, and the ids of the attachments. */
export interface MlflowAttachmentSeed {
  /** A trace whose `describe` span returned a PNG image and a text note as attachments. */
  attached: string;
  /** A trace without attachments. */
  plain: string;
  /** Attachment id of the PNG (8-byte signature + "fake-png-pixels", 23 bytes). */
  image: string;
  /** Attachment id of the text note ("The cat sits on the mat.", 24 bytes). */
  note: string;
}

/** Logs a trace with two attachments and one without into `experiment` of the server at `url`. */
export function seedMlflowAttachments(
  url: string,
  experiment = 'multimodal-agent',
): Promise<MlflowAttachmentSeed> {
  return runSeedScript('mlflow_attachments.py', {
    args: [experiment],
    env: childEnv(['MLFLOW_'], {
      ...OFFLINE_PYTHON_ENV,
      MLFLOW_TRACKING_URI: url,
      MLFLOW_DISABLE_TELEMETRY: 'true',
    }),
    timeoutMs: 120_000,
    check: (manifest) => manifest as MlflowAttachmentSeed,
  });
}

import { type Artifact, makeRef } from '@mlops-mcp/core';
import type { MlflowFileInfo } from './artifacts-api-types.js';

/** The stable ref of a run's artifact: `mlflow://runs/<runId>/artifacts/<path>`. */
export function artifactRef(runId: string, path: string, baseUrl?: string) {
  return makeRef('mlflow', 'artifact', path, {
    scope: ['runs', runId],
    url: baseUrl ? artifactDownloadUrl(baseUrl, runId, path) : undefined,
  });
}

/** Direct download link through the tracking server's artifact proxy. */
export function artifactDownloadUrl(baseUrl: string, runId: string, path: string): string {
  return `${baseUrl}/get-artifact?${new URLSearchParams({ path, run_uuid: runId })}`;
}

/** Maps MLflow's FileInfo to the neutral Artifact (files get a download URL, dirs none). */
export function mapArtifact(runId: string, file: MlflowFileInfo, baseUrl: string): Artifact {
  const artifact: Artifact = {
    ref: artifactRef(runId, file.path, file.is_dir ? undefined : baseUrl),
    path: file.path,
    isDir: file.is_dir,
  };
  if (!file.is_dir && file.file_size !== undefined) artifact.sizeBytes = file.file_size;
  return artifact;
}

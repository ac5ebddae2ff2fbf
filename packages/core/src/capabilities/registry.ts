import type { ModelVersion } from '../model/model-version.js';
import type { Page } from '../model/page.js';
import type { CallOptions } from './call-options.js';

export interface RegisteredModelSummary {
  name: string;
  description?: string | undefined;
  latestVersions?: ModelVersion[] | undefined;
  aliases?: Record<string, string> | undefined;
}

/** Registered models, their versions and aliases (MLflow registry, W&B registry). */
export interface Registry {
  searchModels(
    params: { filter?: string | undefined; limit: number; cursor?: string | undefined },
    options?: CallOptions,
  ): Promise<Page<RegisteredModelSummary>>;
  getModelVersion(name: string, version: string, options?: CallOptions): Promise<ModelVersion>;
  getModelVersionByAlias?(
    name: string,
    alias: string,
    options?: CallOptions,
  ): Promise<ModelVersion>;
}

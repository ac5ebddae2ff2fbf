import { capabilityNames, silentLogger } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './catalog.js';

const settingsEnv: Record<string, NodeJS.ProcessEnv> = {
  mlflow: { MLFLOW_TRACKING_URI: 'http://127.0.0.1:1' },
  wandb: { WANDB_API_KEY: 'k'.repeat(40), WANDB_BASE_URL: 'http://127.0.0.1:1' },
  prefect: { PREFECT_API_URL: 'http://127.0.0.1:1/api' },
};

describe('backend catalog', () => {
  it.each(BACKENDS.map((backend) => [backend.namespace, backend] as const))(
    'declares the capabilities the %s adapter implements',
    async (namespace, backend) => {
      const settings = backend.fromHeaderEnv(settingsEnv[namespace]!);
      const adapter = backend.create(settings, { logger: silentLogger });
      try {
        expect([...backend.capabilities].sort()).toEqual(capabilityNames(adapter).sort());
      } finally {
        await adapter.close();
      }
    },
  );
});

import type { AnyToolDefinition } from '@mlops-mcp/core';
import { deepFreeze } from './advertised-schema.js';
import type { ToolListing, ToolMeta } from './tool-listing.js';
import MANIFEST from './tool-manifest.json' with { type: 'json' };

/** The module a tool's definition is imported from on its first call. */
export type ToolModule = 'cross' | 'code' | 'mlflow' | 'wandb' | 'prefect';

/**
 * One line of `tool-manifest.json`: what tools/list and tool selection need of a tool, computed
 * at build time from its definition (`write-tool-manifest.ts`), so a start needs neither the
 * tool's module nor its zod schemas.
 */
export interface ManifestEntry extends ToolMeta {
  module: ToolModule;
  /** Exactly what `advertisedInputSchema` makes of the definition's input schema. */
  inputSchema: Record<string, unknown>;
}

const LOADERS: Record<ToolModule, () => Promise<readonly AnyToolDefinition[]>> = {
  cross: async () => (await import('../load/cross-tools.js')).crossTools,
  code: async () => (await import('../load/code-tools.js')).codeTools,
  mlflow: async () => (await import('../load/mlflow-tools.js')).mlflowTools,
  wandb: async () => (await import('../load/wandb-tools.js')).wandbTools,
  prefect: async () => (await import('../load/prefect-tools.js')).prefectTools,
};

const loaded = new Map<ToolModule, Promise<ReadonlyMap<string, AnyToolDefinition>>>();

/** The definitions of one module by name, imported once. */
function definitionsOf(module: ToolModule): Promise<ReadonlyMap<string, AnyToolDefinition>> {
  let definitions = loaded.get(module);
  if (definitions === undefined) {
    definitions = LOADERS[module]().then((tools) => new Map(tools.map((t) => [t.name, t])));
    loaded.set(module, definitions);
  }
  return definitions;
}

/** Listings of a manifest's entries, each importing its module on its first call. */
export function manifestListings(
  entries: readonly ManifestEntry[] = MANIFEST as unknown as ManifestEntry[],
): ToolListing[] {
  return entries.map(({ module, inputSchema, ...meta }) => {
    const advertised = deepFreeze(inputSchema);
    return {
      ...meta,
      advertisedInput: () => advertised,
      definition: async () => {
        const tool = (await definitionsOf(module)).get(meta.name);
        if (!tool)
          throw new Error(
            `Tool ${meta.name} is in the tool manifest but not in its module ${module}; rebuild.`,
          );
        return tool;
      },
    };
  });
}

/** Names of the code-mode tools in a manifest. */
export function manifestCodeTools(
  entries: readonly ManifestEntry[] = MANIFEST as unknown as ManifestEntry[],
): Set<string> {
  return new Set(entries.filter((entry) => entry.module === 'code').map((entry) => entry.name));
}

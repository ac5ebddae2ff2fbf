import type { AnyToolDefinition } from '@mlops-mcp/core';
import { BACKENDS } from '../backends/catalog.js';
import { codeTools } from '../code/code-tools.js';
import { crossTools } from '../cross/tools/index.js';
import { advertisedInputSchema } from './advertised-schema.js';
import { toolMeta } from './tool-listing.js';
import type { ManifestEntry, ToolModule } from './tool-manifest.js';

/** The tool manifest the live definitions make, in tools/list order (as `createGateway` knows them). */
export function buildToolManifest(): ManifestEntry[] {
  const groups: [ToolModule, readonly AnyToolDefinition[]][] = [
    ['cross', crossTools],
    ['code', codeTools],
    ...BACKENDS.map(
      (backend) => [backend.namespace, backend.tools] as [ToolModule, readonly AnyToolDefinition[]],
    ),
  ];
  return groups.flatMap(([module, tools]) =>
    tools.map((tool) => ({ module, ...toolMeta(tool), inputSchema: advertisedInputSchema(tool) })),
  );
}

/** The manifest file's text: one tool per line, so a changed tool is a one-line diff. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  return `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

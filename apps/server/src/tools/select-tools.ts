import { type CapabilityName, ConfigError } from '@mlops-mcp/core';
import type { ToolMeta } from './tool-listing.js';

export interface SelectionInput<Tool extends ToolMeta = ToolMeta> {
  /** Every tool this build knows, enabled backend or not. */
  known: readonly Tool[];
  /** Namespaces whose backend is enabled. */
  enabled: ReadonlySet<string>;
  /**
   * Capabilities some enabled (or per-request) backend implements: a tool that `needs` one
   * outside this set is not listed. Omitted: needs are not checked.
   */
  capabilities?: ReadonlySet<CapabilityName> | undefined;
  toolsets?: readonly string[] | undefined;
  tools?: readonly string[] | undefined;
  excludeTools: readonly string[];
  readOnly: boolean;
  /** Tool names of the `default` toolset, used when neither toolsets nor tools are named. */
  defaultProfile?: readonly string[] | undefined;
}

/** Toolset names that are not a namespace or an area. */
const SPECIAL_TOOLSETS = ['all', 'default'];

/**
 * Chooses the tools to expose. Precedence: read-only > exclude > tools/toolsets/backends.
 * Unknown toolset or tool names are a ConfigError (a typo must not silently hide tools).
 * Order follows `known`, so tools/list is deterministic.
 */
export function selectTools<Tool extends ToolMeta>(input: SelectionInput<Tool>): Tool[] {
  const toolsetNames = new Set(SPECIAL_TOOLSETS);
  for (const tool of input.known) {
    toolsetNames.add(tool.namespace);
    for (const toolset of tool.toolsets) toolsetNames.add(toolset);
  }
  const toolNames = new Set(input.known.map((tool) => tool.name));

  for (const name of input.toolsets ?? []) {
    if (!toolsetNames.has(name)) {
      throw new ConfigError(
        `Unknown toolset "${name}" in MLOPS_MCP_TOOLSETS/--toolsets; known: ${[...toolsetNames].sort().join(', ')}.`,
      );
    }
  }
  for (const [source, names] of [
    ['MLOPS_MCP_TOOLS/--tools', input.tools ?? []],
    ['MLOPS_MCP_EXCLUDE_TOOLS/--exclude-tools', input.excludeTools],
  ] as const) {
    for (const name of names) {
      if (!toolNames.has(name)) {
        throw new ConfigError(
          `Unknown tool "${name}" in ${source}${suggest(name, toolNames)}; run "mlops-mcp tools" to list them.`,
        );
      }
    }
  }
  const unmet = (tool: ToolMeta) =>
    input.capabilities
      ? (tool.needs ?? []).filter((need: CapabilityName) => !input.capabilities!.has(need))
      : [];
  for (const name of input.tools ?? []) {
    const tool = input.known.find((candidate) => candidate.name === name)!;
    if (!input.enabled.has(tool.namespace)) {
      throw new ConfigError(
        `Tool "${name}" was asked for, but the ${tool.namespace} backend is not enabled.`,
      );
    }
    const missing = unmet(tool);
    if (missing.length > 0) {
      throw new ConfigError(
        `Tool "${name}" was asked for, but no enabled backend provides ${missing.join(' and ')}.`,
      );
    }
    if (input.readOnly && tool.access === 'write') {
      throw new ConfigError(
        `Tool "${name}" writes, but the gateway is read-only; set MLOPS_MCP_READ_ONLY=false to allow writes.`,
      );
    }
  }

  const nothingNamed = input.toolsets === undefined && input.tools === undefined;
  const toolsets = new Set(
    input.toolsets ?? (nothingNamed && input.defaultProfile ? ['default'] : []),
  );
  const wantsAll = nothingNamed && !input.defaultProfile;
  const profile = new Set(input.defaultProfile ?? []);
  const explicit = new Set(input.tools ?? []);
  const excluded = new Set(input.excludeTools);
  return input.known.filter((tool) => {
    if (!input.enabled.has(tool.namespace)) return false;
    if (unmet(tool).length > 0) return false;
    if (input.readOnly && tool.access === 'write') return false;
    if (excluded.has(tool.name)) return false;
    if (wantsAll || toolsets.has('all') || explicit.has(tool.name)) return true;
    // The default profile names its read tools; writes come with it once they are enabled.
    if (toolsets.has('default') && (profile.has(tool.name) || tool.access === 'write')) return true;
    return toolsets.has(tool.namespace) || tool.toolsets.some((toolset) => toolsets.has(toolset));
  });
}

function suggest(name: string, known: ReadonlySet<string>): string {
  const close = [...known].filter((candidate) => distance(candidate, name) <= 3);
  return close.length > 0 ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

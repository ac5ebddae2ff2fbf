import type { AnyToolDefinition } from '@mlops-mcp/core';
import { advertisedInputSchema } from './advertised-schema.js';

/** What selecting and listing a tool needs: everything of a definition but its zod and its handler. */
export type ToolMeta = Pick<
  AnyToolDefinition,
  | 'name'
  | 'title'
  | 'description'
  | 'namespace'
  | 'toolsets'
  | 'needs'
  | 'access'
  | 'destructive'
  | 'idempotent'
>;

/**
 * A tool as the gateway lists and serves it. From a live definition (the library's
 * `createGateway`) or from the build's tool manifest (the CLI, `openGateway`), where the input
 * schema is the manifest's JSON and the definition, with its zod schemas and handler, is
 * imported on the tool's first call.
 */
export interface ToolListing extends ToolMeta {
  /** The lean input JSON Schema `tools/list` advertises (frozen, shared by every server). */
  advertisedInput(): Record<string, unknown>;
  /** The full definition; the first call may import its module. */
  definition(): Promise<AnyToolDefinition>;
}

const listings = new WeakMap<AnyToolDefinition, ToolListing>();

/** The listing of a live definition (one per definition, so it can be compared by identity). */
export function listingOf(tool: AnyToolDefinition): ToolListing {
  let listing = listings.get(tool);
  if (listing === undefined) {
    const loaded = Promise.resolve(tool);
    listing = {
      ...toolMeta(tool),
      advertisedInput: () => advertisedInputSchema(tool),
      definition: () => loaded,
    };
    listings.set(tool, listing);
  }
  return listing;
}

/** A tool's metadata, without the fields its definition leaves out. */
export function toolMeta(tool: ToolMeta): ToolMeta {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    namespace: tool.namespace,
    toolsets: tool.toolsets,
    ...(tool.needs !== undefined ? { needs: tool.needs } : {}),
    access: tool.access,
    ...(tool.destructive !== undefined ? { destructive: tool.destructive } : {}),
    ...(tool.idempotent !== undefined ? { idempotent: tool.idempotent } : {}),
  };
}

/** The advertised input schema of a definition or a listing. */
export function advertisedInputOf(tool: AnyToolDefinition | ToolListing): Record<string, unknown> {
  return isToolListing(tool) ? tool.advertisedInput() : advertisedInputSchema(tool);
}

/** True for a listing (its definition is behind `definition()`), false for a definition. */
export function isToolListing(tool: AnyToolDefinition | ToolListing): tool is ToolListing {
  return 'definition' in tool && typeof tool.definition === 'function';
}

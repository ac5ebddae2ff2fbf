import { secrets, toCompactJson } from '@mlops-mcp/core';
import type { ListResourcesResult, Resource, ServerContext } from '@modelcontextprotocol/server';
import type { ToolListing } from '../tools/tool-listing.js';
import type { EntityTemplate } from './entity-templates.js';
import type { ResourceContext } from './resource-context.js';
import { runResourceTool } from './resource-tools.js';

interface ListedItem {
  ref?: { uri?: unknown; url?: unknown };
  id?: unknown;
  name?: unknown;
}

/**
 * Lists a template's few recent entities by running its search tool. A failed search lists
 * nothing for that template (and is logged) rather than failing resources/list as a whole,
 * which would also hide the static resources and every other backend's entities.
 */
export async function listRecent(
  ctx: ResourceContext,
  template: EntityTemplate,
  search: ToolListing,
  serverCtx?: Pick<ServerContext, 'mcpReq'>,
): Promise<ListResourcesResult> {
  const result = await runResourceTool(ctx, search, template.recent?.args ?? {}, serverCtx);
  const items = (result.structuredContent as { items?: ListedItem[] } | undefined)?.items;
  if (result.isError || !Array.isArray(items)) {
    const first = result.content[0];
    ctx.logger.warn(
      {
        template: template.name,
        tool: search.name,
        error: secrets.redact(first?.type === 'text' ? first.text : toCompactJson(result.content)),
      },
      'resources/list: recent entities unavailable',
    );
    return { resources: [] };
  }
  const resources: Resource[] = [];
  for (const item of items) {
    const uri = item.ref?.uri;
    if (typeof uri !== 'string') continue;
    const id = typeof item.id === 'string' ? item.id : uri;
    const name = typeof item.name === 'string' && item.name !== '' ? item.name : id;
    resources.push({
      uri,
      name,
      title: `${template.title} ${name}`,
      mimeType: 'application/json',
    });
  }
  return { resources };
}

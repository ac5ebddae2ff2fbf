import type { McpServer } from '@modelcontextprotocol/server';
import { ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import { ENTITY_TEMPLATES, type EntityTemplate } from './entity-templates.js';
import { OVERVIEW_URI, readOverview } from './overview-resource.js';
import { decodeVariables, readThroughTool } from './read-through-tool.js';
import { listRecent } from './recent-resources.js';
import type { ResourceContext } from './resource-context.js';

/**
 * Registers the gateway's resources on a server: `mlops://overview` (health of every enabled
 * backend) and one URI template per backend entity whose read tool is selected, so any
 * `ref.uri` a tool returned can be read back. Needs `capabilities.resources` on the server.
 */
export function registerResources(server: McpServer, ctx: ResourceContext): void {
  server.registerResource(
    'overview',
    OVERVIEW_URI,
    {
      title: 'MLOps backends overview',
      description:
        'Each enabled backend: reachable, authenticated, version, latency, selected tool count, and the problem with a fix when unhealthy.',
      mimeType: 'application/json',
    },
    (_uri, serverCtx) => readOverview(ctx, serverCtx.mcpReq.signal),
  );
  const selected = new Set(ctx.tools.map((tool) => tool.name));
  for (const template of ENTITY_TEMPLATES) {
    if (selected.has(template.tool)) registerEntityTemplate(server, ctx, template, selected);
  }
}

function registerEntityTemplate(
  server: McpServer,
  ctx: ResourceContext,
  template: EntityTemplate,
  selected: ReadonlySet<string>,
): void {
  const recent =
    template.recent && selected.has(template.recent.tool) ? template.recent : undefined;
  server.registerResource(
    template.name,
    new ResourceTemplate(template.uriTemplate, {
      list: recent
        ? (serverCtx) => listRecent(ctx, template, recent, serverCtx.mcpReq.signal)
        : undefined,
    }),
    { title: template.title, description: template.description, mimeType: 'application/json' },
    (uri, variables, serverCtx) => {
      const decoded = decodeVariables(variables);
      if (!decoded) {
        throw new ResourceNotFoundError(
          uri.href,
          `Resource not found: ${uri.href} is not a valid ${template.title} URI.`,
        );
      }
      return readThroughTool(
        ctx,
        uri,
        template.tool,
        template.args(decoded),
        serverCtx.mcpReq.signal,
      );
    },
  );
}

import type { McpServer } from '@modelcontextprotocol/server';
import { ResourceNotFoundError, ResourceTemplate, UriTemplate } from '@modelcontextprotocol/server';
import { ENTITY_TEMPLATES, type EntityTemplate } from './entity-templates.js';
import { OVERVIEW_URI, readOverview } from './overview-resource.js';
import { decodeVariables, readThroughTool } from './read-through-tool.js';
import { listRecent } from './recent-resources.js';
import type { ResourceContext } from './resource-context.js';
import { resourceTool } from './resource-tools.js';

/**
 * Each template parsed once per process: stateless HTTP registers them on a fresh server per
 * request, and a parsed template is only read (`match`), never changed.
 */
const PARSED = new Map(
  ENTITY_TEMPLATES.map((template) => [template, new UriTemplate(template.uriTemplate)]),
);

/**
 * Registers the gateway's resources on a server: `mlops://overview` (health of every enabled
 * backend) and one URI template per entity of each enabled backend, so any `ref.uri` a tool
 * returned can be read back. Needs `capabilities.resources` on the server.
 */
export function registerResources(server: McpServer, ctx: ResourceContext): void {
  server.registerResource(
    'overview',
    OVERVIEW_URI,
    {
      title: 'MLOps backends overview',
      description:
        'Each enabled backend: reachable, authenticated, version, latency, and the problem with a fix when unhealthy.',
      mimeType: 'application/json',
    },
    (_uri, serverCtx) => readOverview(ctx, serverCtx.mcpReq.signal),
  );
  for (const template of ENTITY_TEMPLATES) registerEntityTemplate(server, ctx, template);
}

function registerEntityTemplate(
  server: McpServer,
  ctx: ResourceContext,
  template: EntityTemplate,
): void {
  const reader = resourceTool(ctx, template.tool);
  if (!reader) return;
  const search = template.recent && resourceTool(ctx, template.recent.tool);
  server.registerResource(
    template.name,
    new ResourceTemplate(PARSED.get(template)!, {
      list: search ? (serverCtx) => listRecent(ctx, template, search, serverCtx) : undefined,
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
      return readThroughTool(ctx, uri, reader, template.args(decoded), serverCtx);
    },
  );
}

import { fitPageToBudget, pageSchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { mapObjectVersion, ObjectVersionSchema } from './map-object.js';
import type { ObjQueryReq } from './weave-api-types.js';
import { requireObjectName } from './weave-ids.js';
import { cursorInput, entityInput, limitInput, projectInput } from './weave-inputs.js';
import { cursorSkip, offsetRowsPage } from './weave-page.js';

/** wandb_list_objects: published Weave objects (datasets, models, prompts, evaluations, ...). */
export const listObjectsTool = defineWeaveTool({
  name: 'wandb_list_objects',
  title: 'List W&B Weave objects',
  description:
    'List Weave objects (evaluations, models, datasets, prompts, scorers) by name and version, without contents.',
  namespace: 'wandb',
  toolsets: ['traces', 'objects'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    classes: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('e.g. ["Evaluation"], ["Model"], ["Dataset"].'),
    names: z.array(z.string().min(1).max(128)).max(50).optional(),
    allVersions: z.boolean().default(false),
    includeOps: z.boolean().default(false),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  }),
  outputSchema: pageSchema(ObjectVersionSchema).extend({ project: z.string() }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const project = client.project(input);
    const offset = cursorSkip(input.cursor);
    const filter: NonNullable<ObjQueryReq['filter']> = {
      latest_only: !input.allVersions,
    };
    if (!input.includeOps) filter.is_op = false;
    if (input.classes?.length) filter.base_object_classes = input.classes;
    if (input.names?.length)
      filter.object_ids = input.names.map((name) => requireObjectName(name, 'names'));
    const objs = await client.queryObjects(
      {
        project_id: project.id,
        filter,
        sort_by: [{ field: 'created_at', direction: 'desc' }],
        limit: input.limit + 1,
        offset,
        metadata_only: true,
        include_tags_and_aliases: true,
      },
      { signal },
    );
    const page = offsetRowsPage(objs, input.limit, offset, (obj) => mapObjectVersion(obj, project));
    return { ...fitPageToBudget(page, maxResponseTokens), project: project.id };
  },
});

import { InvalidInputError } from '@mlops-mcp/core';
import { z } from 'zod';
import { defineWeaveTool } from './define-tool.js';
import { mapObjectVersion, ObjectVersionSchema } from './map-object.js';
import { truncatePayload } from './truncate-payload.js';
import {
  type ProjectChoice,
  parseProject,
  requireObjectName,
  type WeaveProject,
} from './weave-ids.js';
import { entityInput, projectInput } from './weave-inputs.js';

const OBJECT_URI = /^weave:\/\/\/([^/]+\/[^/]+)\/(?:object|op)\/([^:/]+):([^/]+)$/;
const VERSION = /^(latest|v\d{1,9}|[A-Za-z0-9_-]{8,128})$/;

/** wandb_get_object: one version of a published object, value included (cut to a size limit). */
export const getObjectTool = defineWeaveTool({
  name: 'wandb_get_object',
  title: 'Get a W&B Weave object',
  description:
    'Read one Weave object version by name and version or weave:/// uri; nested objects appear as refs.',
  namespace: 'wandb',
  toolsets: ['traces', 'objects'],
  access: 'read',
  inputSchema: z.object({
    entity: entityInput,
    project: projectInput,
    name: z.string().min(1).max(128).optional(),
    version: z
      .string()
      .min(1)
      .max(128)
      .default('latest')
      .describe('"v<index>" (v0 first) or a digest.'),
    uri: z
      .string()
      .max(600)
      .optional()
      .describe('weave:///<entity>/<project>/object/<name>:<digest>, instead of name/version.'),
    maxChars: z.number().int().min(200).max(200_000).default(8_000),
  }),
  outputSchema: ObjectVersionSchema.extend({
    project: z.string(),
    value: z.unknown().describe('The object as stored; a JSON-text prefix when valueTruncated.'),
    valueTruncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal }) {
    const { project, name, version } = target(input, (given) => client.project(given));
    const obj = await client.readObject(project, name, version, { signal });
    const value = truncatePayload(obj.val ?? null, input.maxChars);
    return {
      ...mapObjectVersion(obj, project),
      project: project.id,
      value: value.value,
      ...(value.truncated ? { valueTruncated: true } : {}),
    };
  },
});

function target(
  input: ProjectChoice & {
    name?: string | undefined;
    version: string;
    uri?: string | undefined;
  },
  projectOf: (given: ProjectChoice) => WeaveProject,
): { project: WeaveProject; name: string; version: string } {
  if (input.uri) {
    const match = OBJECT_URI.exec(input.uri.trim());
    if (!match?.[1] || !match[2] || !match[3]) {
      throw new InvalidInputError(`"${input.uri}" is not a Weave object uri.`, {
        backend: 'wandb',
        field: 'uri',
        hint: 'Use the uri field from wandb_list_objects: weave:///<entity>/<project>/object/<name>:<digest>.',
      });
    }
    return {
      project: parseProject(match[1], 'uri'),
      name: requireObjectName(match[2], 'uri'),
      version: match[3],
    };
  }
  if (!input.name) {
    throw new InvalidInputError('Give the object name (or its uri).', {
      backend: 'wandb',
      field: 'name',
      hint: 'Names come from wandb_list_objects.',
    });
  }
  if (!VERSION.test(input.version)) {
    throw new InvalidInputError(`"${input.version}" is not an object version.`, {
      backend: 'wandb',
      field: 'version',
      hint: 'Use "latest", "v<index>" such as "v0", or a digest from wandb_list_objects.',
    });
  }
  return {
    project: projectOf({ entity: input.entity, project: input.project }),
    name: requireObjectName(input.name, 'name'),
    version: input.version,
  };
}

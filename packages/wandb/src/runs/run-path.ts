import { InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

/** Where a run lives: W&B addresses runs by entity, project and the run's short id. */
export interface RunPath {
  entity: string;
  project: string;
  runId: string;
}

/** Defaults for the parts of a run or project reference the caller left out. */
export interface PathDefaults {
  entity?: string | undefined;
  project?: string | undefined;
}

const SEGMENT = /^[^/\s]+$/;

/**
 * Reads a run reference in any form an agent may hold: a run id ("a1b2c3d4") with entity and
 * project from the other inputs or defaults, "project/runId", "entity/project/runId",
 * "entity/project/runs/runId", an app URL (https://wandb.ai/entity/project/runs/runId), or a
 * ref URI (wandb://entity/project/runs/runId).
 */
export function parseRunPath(text: string, defaults: PathDefaults, field = 'run'): RunPath {
  const trimmed = text.trim();
  const uri = parseEntityUri(trimmed);
  if (uri) {
    if (uri.backend !== 'wandb' || uri.kind !== 'run' || uri.scope.length !== 2) {
      throw invalid(
        field,
        `"${trimmed.slice(0, 120)}" is not a W&B run ref (wandb://<entity>/<project>/runs/<id>).`,
      );
    }
    return { entity: uri.scope[0]!, project: uri.scope[1]!, runId: uri.id };
  }
  let path = trimmed;
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      throw invalid(field, 'The run URL could not be parsed.');
    }
  }
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  if (parts.length === 4 && parts[2] === 'runs') parts.splice(2, 1);
  if (parts.some((part) => !SEGMENT.test(part)))
    throw invalid(field, 'Run references have no spaces.');
  if (parts.length === 3) return { entity: parts[0]!, project: parts[1]!, runId: parts[2]! };
  if (parts.length === 2)
    return { entity: requireEntity(defaults, field), project: parts[0]!, runId: parts[1]! };
  if (parts.length === 1) {
    return {
      entity: requireEntity(defaults, field),
      project: requireProject(defaults, field),
      runId: parts[0]!,
    };
  }
  throw invalid(
    field,
    `"${trimmed.slice(0, 120)}" is not a run reference; use "<entity>/<project>/<runId>", a run URL or a ref URI.`,
  );
}

/** The entity to use, or an InvalidInputError that says how to supply one. */
export function requireEntity(defaults: PathDefaults, field = 'entity'): string {
  if (defaults.entity) return defaults.entity;
  throw invalid(field, 'Which W&B entity (user or team)? Pass `entity`, or set WANDB_ENTITY.');
}

/** The project to use, or an InvalidInputError that says how to supply one. */
export function requireProject(defaults: PathDefaults, field = 'project'): string {
  if (defaults.project) return defaults.project;
  throw new InvalidInputError('Which W&B project? Pass `project`, or set WANDB_PROJECT.', {
    backend: 'wandb',
    field,
    hint: 'wandb_list_projects lists the projects of an entity.',
  });
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError(message, {
    backend: 'wandb',
    field,
    hint: 'Run ids come from wandb_search_runs (ref.uri, or entity/project/id).',
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

import { NotFoundError } from '@mlops-mcp/core';

const base = { backend: 'wandb' as const };

/** The entity (user or team) does not exist or is not visible to this key. */
export function entityNotFound(entity: string): NotFoundError {
  return new NotFoundError(
    `W&B entity "${entity}" was not found (or is not visible to this API key).`,
    {
      ...base,
      hint: 'wandb_get_viewer shows your default entity and your teams.',
    },
  );
}

/** The project does not exist under the entity, or is not visible. */
export function projectNotFound(entity: string, project: string): NotFoundError {
  return new NotFoundError(
    `W&B project "${entity}/${project}" was not found (or is not visible to this API key).`,
    {
      ...base,
      hint: `wandb_list_projects with entity "${entity}" lists its projects; check the entity (user or team) too.`,
    },
  );
}

/** The run does not exist in the project. */
export function runNotFound(entity: string, project: string, runId: string): NotFoundError {
  return new NotFoundError(`W&B run "${entity}/${project}/${runId}" was not found.`, {
    ...base,
    hint: 'Run ids are the short name in the run URL (e.g. "a1b2c3d4"), not the display name; wandb_search_runs lists them.',
  });
}

/** Something inside a project (artifact, collection, sweep, report) was not found. */
export function itemNotFound(
  what: string,
  name: string,
  where: string,
  hint: string,
): NotFoundError {
  return new NotFoundError(`W&B ${what} "${name}" was not found in ${where}.`, { ...base, hint });
}

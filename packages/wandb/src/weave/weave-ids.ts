import { InvalidInputError } from '@mlops-mcp/core';

/** A W&B project that holds Weave data: `entity/project` on the wire. */
export interface WeaveProject {
  entity: string;
  project: string;
  /** `entity/project`, the trace server's `project_id`. */
  id: string;
}

// W&B entity and project names: letters, digits, `-`, `_`, `.`.
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
// Weave call/trace ids are UUIDv7s; OTel-ingested ones are hex. Nothing that could break a
// query: the SQLite reference server pastes ids into SQL unescaped (sqlite_trace_server.py).
const ID = /^[A-Za-z0-9_-]{1,128}$/;
// Op and object names as Weave validates them (`object_id_validator`), plus `.` for methods.
const OBJECT_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/** Parses `entity/project`; an InvalidInputError on `field` otherwise. */
export function parseProject(value: string, field = 'project'): WeaveProject {
  const [entity, project, ...rest] = value.trim().split('/');
  if (!entity || !project || rest.length > 0 || !NAME.test(entity) || !NAME.test(project)) {
    throw new InvalidInputError(`"${value}" is not a W&B project of the form entity/project.`, {
      backend: 'wandb',
      field,
      hint: 'Pass the project as "<entity>/<project>", e.g. "my-team/my-agent".',
    });
  }
  return { entity, project, id: `${entity}/${project}` };
}

/** Where a tool was told to look: entity and project as given (project may be `entity/project`). */
export interface ProjectChoice {
  entity?: string | undefined;
  project?: string | undefined;
}

/**
 * The project a tool should use: `project` as `entity/project`, or `entity` and `project` each
 * from the input else from the defaults (WANDB_ENTITY, WANDB_PROJECT). An InvalidInputError
 * naming the missing field otherwise.
 */
export function resolveProject(given: ProjectChoice, defaults: ProjectChoice): WeaveProject {
  const project = given.project?.trim() || undefined;
  if (project?.includes('/')) return parseProject(project);
  const entity = given.entity?.trim() || defaults.entity;
  const name = project ?? defaults.project;
  if (!entity || !name) {
    const missing = entity ? 'project' : 'entity';
    throw new InvalidInputError(`No W&B ${missing} given and none configured.`, {
      backend: 'wandb',
      field: missing,
      hint: `Pass ${missing} (or project as "<entity>/<project>"), or set WANDB_ENTITY and WANDB_PROJECT for the gateway.`,
    });
  }
  return parseProject(`${entity}/${name}`, given.project ? 'project' : 'entity');
}

/** Checks a call or trace id; an InvalidInputError on `field` otherwise. */
export function requireCallId(value: string, field: string): string {
  const id = value.trim();
  if (!ID.test(id)) {
    throw new InvalidInputError(`"${value}" is not a Weave call or trace id.`, {
      backend: 'wandb',
      field,
      hint: 'Ids come from wandb_search_traces or wandb_search_calls (the id and traceId fields).',
    });
  }
  return id;
}

/** Checks an op or object name; an InvalidInputError on `field` otherwise. */
export function requireObjectName(value: string, field: string): string {
  const name = value.trim();
  if (!OBJECT_NAME.test(name)) {
    throw new InvalidInputError(`"${value}" is not a Weave op or object name.`, {
      backend: 'wandb',
      field,
      hint: 'Names use letters, digits, "_", "-" and "."; list them with wandb_list_objects.',
    });
  }
  return name;
}

/**
 * The `op_names` filter value for an op: the server matches op refs, not names, so a bare
 * name becomes the every-version wildcard `weave:///<entity>/<project>/op/<name>:*`.
 */
export function opRefPattern(project: WeaveProject, op: string, field = 'opNames'): string {
  if (op.startsWith('weave:///')) return op;
  return `weave:///${project.id}/op/${requireObjectName(op, field)}:*`;
}

/** `weave:///<entity>/<project>/call/<id>`: how feedback refers to a call. */
export function callRef(project: WeaveProject, callId: string): string {
  return `weave:///${project.id}/call/${callId}`;
}

/** `weave:///<entity>/<project>/object/<name>:<digest>`: an object version's ref. */
export function objectRef(project: WeaveProject, name: string, digest: string): string {
  return `weave:///${project.id}/object/${name}:${digest}`;
}

/**
 * The short name of an op from its ref (`weave:///e/p/op/agent:3xk…` → `agent`); names that are
 * not refs (OTel spans, legacy data) come back unchanged.
 */
export function shortOpName(opName: string): string {
  const match = /^weave(?:-trace-internal)?:\/\/\/[^/]+(?:\/[^/]+)?\/op\/([^:]+)(?::.*)?$/.exec(
    opName,
  );
  return match?.[1] ?? opName;
}

/** The call id of a `weave:///<entity>/<project>/call/<id>` ref, else undefined. */
export function callIdFromRef(ref: string): string | undefined {
  return /^weave:\/\/\/[^/]+\/[^/]+\/call\/([^/]+)$/.exec(ref)?.[1];
}

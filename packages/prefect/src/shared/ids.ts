import { type EntityKind, InvalidInputError, parseEntityUri } from '@mlops-mcp/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID, the form of every Prefect id. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Accepts a Prefect id (UUID) or a ref URI of the right kind (`prefect://flow-runs/<id>`) and
 * returns the id. Anything else is an InvalidInputError naming `field`, caught before a request
 * that Prefect would answer with a bare 404 (its routes only match UUIDs).
 */
export function parsePrefectId(
  value: string,
  kind: EntityKind,
  field: string,
  listTool: string,
): string {
  const trimmed = value.trim();
  if (trimmed.includes('://')) {
    const parsed = parseEntityUri(trimmed);
    if (parsed?.backend === 'prefect' && parsed.kind === kind && isUuid(parsed.id))
      return parsed.id.toLowerCase();
    throw new InvalidInputError(`"${trimmed.slice(0, 100)}" is not a Prefect ${kind} ref.`, {
      field,
      hint: `Pass a ${kind} id (a UUID) or the ref.uri of a ${kind} from ${listTool}.`,
    });
  }
  if (!isUuid(trimmed)) {
    throw new InvalidInputError(
      `"${trimmed.slice(0, 100)}" is not a Prefect ${kind} id (a UUID).`,
      {
        field,
        hint: `Find ${kind} ids with ${listTool}.`,
      },
    );
  }
  return trimmed.toLowerCase();
}

/** A deployment named by id or by "<flow name>/<deployment name>". */
export type DeploymentSelector = { id: string } | { flowName: string; deploymentName: string };

/** Parses a deployment id, ref URI or "<flow name>/<deployment name>". */
export function parseDeploymentSelector(value: string, field = 'deployment'): DeploymentSelector {
  const trimmed = value.trim();
  if (isUuid(trimmed) || trimmed.startsWith('prefect://')) {
    return { id: parsePrefectId(trimmed, 'deployment', field, 'prefect_list_deployments') };
  }
  const slash = trimmed.indexOf('/');
  const flowName = trimmed.slice(0, slash);
  const deploymentName = trimmed.slice(slash + 1);
  if (slash <= 0 || deploymentName === '' || deploymentName.includes('/')) {
    throw new InvalidInputError(
      `"${trimmed.slice(0, 100)}" is neither a deployment id nor "<flow name>/<deployment name>".`,
      {
        field,
        hint: 'Find deployments with prefect_list_deployments; each has an id and a fullName "<flow>/<deployment>".',
      },
    );
  }
  return { flowName, deploymentName };
}

/** A tool's `flowRunId` (id or ref.uri) as a flow run id. */
export function parseFlowRunId(value: string): string {
  return parsePrefectId(value, 'flow-run', 'flowRunId', 'prefect_list_flow_runs');
}

import { type CallOptions, InvalidInputError, NotFoundError } from '@mlops-mcp/core';
import type { PrefectFlowRunView } from '../flow-runs/flow-run.js';
import type { PrefectAdapter } from '../prefect-adapter.js';
import { isUuid, parseDeploymentSelector, parsePrefectId } from '../shared/ids.js';

/** How a diagnosis names its run: an id, a run name (crimson-owl), and/or its flow or deployment. */
export interface RunSelector {
  flowRun?: string | undefined;
  flow?: string | undefined;
  deployment?: string | undefined;
}

/** Candidates listed when a name is ambiguous or unknown. */
const MAX_CANDIDATES = 8;

/**
 * The flow run id a selector names. A name matching several runs, or a flow with no failed run,
 * is answered with the candidates rather than a guess. Without flowRun, the latest FAILED or
 * CRASHED run of the flow or deployment is taken, and `note` says so.
 */
export async function resolveFlowRun(
  client: PrefectAdapter,
  selector: RunSelector,
  options?: CallOptions,
): Promise<{ id: string; note?: string }> {
  const wanted = selector.flowRun?.trim();
  if (wanted && (isUuid(wanted) || wanted.includes('://'))) {
    return { id: parsePrefectId(wanted, 'flow-run', 'flowRunId', 'prefect_list_flow_runs') };
  }
  if (!wanted && !selector.flow && !selector.deployment) {
    throw new InvalidInputError('Name the flow run: its id or name, or a flow or deployment.', {
      field: 'flowRunId',
      hint: 'Pass flowRunId (an id or a run name such as "crimson-owl"), or flow / deployment to diagnose its latest failed run.',
    });
  }
  const deploymentId = selector.deployment
    ? (await client.getDeployment(parseDeploymentSelector(selector.deployment), options)).id
    : undefined;
  const scope = {
    ...(selector.flow ? { flows: [selector.flow] } : {}),
    ...(deploymentId ? { deploymentIds: [deploymentId] } : {}),
  };
  const scopeText = [
    selector.flow ? `flow ${selector.flow}` : '',
    selector.deployment ? `deployment ${selector.deployment}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  if (!wanted) {
    const page = await client.listFlowRuns(
      { ...scope, stateTypes: ['FAILED', 'CRASHED'], sort: 'EXPECTED_START_TIME_DESC', limit: 5 },
      options,
    );
    const [latest, ...older] = page.items;
    if (!latest) {
      const recent = await client.listFlowRuns(
        { ...scope, sort: 'EXPECTED_START_TIME_DESC', limit: MAX_CANDIDATES },
        options,
      );
      throw new NotFoundError(`Prefect: ${scopeText} has no FAILED or CRASHED flow run.`, {
        backend: 'prefect',
        hint: recent.items.length
          ? `Its latest runs: ${candidates(recent.items)}. Pass flowRunId to diagnose one.`
          : `It has no flow runs at all; check the name with prefect_list_flow_runs.`,
      });
    }
    return {
      id: latest.id,
      note: `Diagnosed the latest FAILED or CRASHED run of ${scopeText}${older.length ? `; earlier ones: ${candidates(older)}` : ''}.`,
    };
  }
  const exact = await client.listFlowRuns(
    {
      ...scope,
      filter: { flow_runs: { name: { any_: [wanted] } } },
      sort: 'EXPECTED_START_TIME_DESC',
      limit: MAX_CANDIDATES,
    },
    options,
  );
  const found =
    exact.items.length > 0
      ? exact.items
      : (
          await client.listFlowRuns(
            {
              ...scope,
              filter: { flow_runs: { name: { like_: wanted } } },
              sort: 'EXPECTED_START_TIME_DESC',
              limit: MAX_CANDIDATES,
            },
            options,
          )
        ).items;
  if (found.length === 1) return { id: found[0]!.id };
  if (found.length === 0) {
    throw new NotFoundError(
      `Prefect: no flow run is named "${wanted.slice(0, 100)}"${scopeText ? ` in ${scopeText}` : ''}.`,
      {
        backend: 'prefect',
        hint: 'Find runs with prefect_list_flow_runs (nameLike, flows, stateTypes), then pass the id.',
      },
    );
  }
  throw new InvalidInputError(
    `${found.length}${found.length === MAX_CANDIDATES ? '+' : ''} flow runs are named like "${wanted.slice(0, 100)}"${scopeText ? ` in ${scopeText}` : ''}: ${candidates(found)}.`,
    {
      field: 'flowRunId',
      hint: 'Pass the id of the one you mean, or narrow with flow / deployment.',
    },
  );
}

/** "crimson-owl (id, FAILED, started …)" for each run. */
function candidates(runs: readonly PrefectFlowRunView[]): string {
  return runs
    .map(
      (r) =>
        `${r.name} (${r.id}, ${r.stateName ?? r.rawStatus}${r.startedAt ? `, started ${r.startedAt}` : r.expectedStartAt ? `, due ${r.expectedStartAt}` : ''})`,
    )
    .join('; ');
}

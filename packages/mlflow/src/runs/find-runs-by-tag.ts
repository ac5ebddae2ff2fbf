import {
  type CallOptions,
  fitPageToBudget,
  InvalidInputError,
  pageSchema,
  RunSchema,
} from '@mlops-mcp/core';
import { z } from 'zod';
import { parseExperimentId } from '../experiments/experiment-id.js';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { cursorInput, includeSystemTagsInput, limitInput } from '../shared/common-inputs.js';
import { defineMlflowTool } from '../shared/define-tool.js';
import { MAX_IMPLICIT_EXPERIMENTS } from '../shared/searched-experiments.js';
import { keyProblem } from './run-write-inputs.js';

const DEFAULT_KEY = 'invocation_id';

/** `invocation_id = a1b2`, `invocation_id=a1b2`, `tags.invocation_id = 'a1b2'` → key and value. */
const KEY_VALUE = /^\s*(?:tags\.)?`?([^`=\s'"]+)`?\s*=\s*(['"]?)(.*?)\2\s*$/;

/** The key and value to look for: an explicit key wins; else `key = value` in value; else the default key. */
export function resolveTag(input: { key?: string | undefined; value: string }): {
  key: string;
  value: string;
} {
  if (input.key) return { key: input.key, value: input.value.trim() };
  const match = KEY_VALUE.exec(input.value);
  if (match) return { key: match[1]!, value: match[3]!.trim() };
  return { key: DEFAULT_KEY, value: input.value.trim() };
}

/** An MLflow filter string literal for `value`, in whichever quotes it does not contain. */
function quote(value: string, field: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new InvalidInputError('MLflow filters cannot match a value with both kinds of quotes.', {
    field,
    hint: 'Search for part of the value with match: "prefix".',
  });
}

/** The MLflow filter for one tag, exact or by prefix. */
export function tagFilter(key: string, value: string, match: 'exact' | 'prefix'): string {
  return match === 'prefix'
    ? `tags.\`${key}\` LIKE ${quote(`${value}%`, 'value')}`
    : `tags.\`${key}\` = ${quote(value, 'value')}`;
}

/** Ids → names of the active experiments (up to `cap`), for labelling runs. */
async function activeExperimentNames(
  client: MlflowAdapter,
  cap: number,
  options: CallOptions,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await client.searchExperiments(
      { limit: Math.min(1000, cap - names.size), cursor },
      options,
    );
    for (const experiment of page.items) names.set(experiment.id, experiment.name);
    cursor = page.nextCursor;
  } while (cursor && names.size < cap);
  return names;
}

/** mlflow_find_runs_by_tag: every run carrying one tag value, across experiments. */
export const findRunsByTagTool = defineMlflowTool({
  name: 'mlflow_find_runs_by_tag',
  title: 'Find MLflow runs by a tag value',
  description:
    'Find every MLflow run with one tag value across all experiments, e.g. an invocation id.',
  namespace: 'mlflow',
  toolsets: ['runs'],
  access: 'read',
  inputSchema: z.object({
    value: z.string().min(1).max(500).describe('The value, or "key = value".'),
    key: z.string().min(1).max(250).optional().describe(`Default: ${DEFAULT_KEY}.`),
    match: z.enum(['exact', 'prefix']).default('exact'),
    experimentIds: z.array(z.string().min(1).max(200)).max(100).optional(),
    limit: limitInput(100, 1000),
    cursor: cursorInput,
    includeSystemTags: includeSystemTagsInput,
  }),
  outputSchema: pageSchema(
    RunSchema.extend({ experimentName: z.string().optional().describe("The run's experiment.") }),
  ).extend({
    key: z.string().describe('The tag key searched.'),
    value: z.string().describe('The tag value searched.'),
    experiments: z
      .array(z.object({ id: z.string(), name: z.string().optional() }))
      .describe('The experiments the runs on this page belong to.'),
    hint: z.string().optional().describe('What to try when nothing matched.'),
  }),
  async handler(input, { client, signal, maxResponseTokens }) {
    const { key, value } = resolveTag(input);
    const problem = keyProblem('Tag', key, 'allow');
    if (problem) throw new InvalidInputError(problem, { field: 'key' });
    if (!value) throw new InvalidInputError('Give a tag value to look for.', { field: 'value' });

    const names = input.experimentIds?.length
      ? new Map<string, string>()
      : await activeExperimentNames(client, MAX_IMPLICIT_EXPERIMENTS, { signal });
    const experimentIds = input.experimentIds?.length
      ? input.experimentIds.map((id) => parseExperimentId(id, 'experimentIds'))
      : [...names.keys()];
    const empty = { items: [], key, value, experiments: [] };
    if (experimentIds.length === 0) return { ...empty, hint: 'There are no active experiments.' };

    const page = await client.searchRuns(
      {
        experimentIds,
        filter: tagFilter(key, value, input.match),
        orderBy: ['attributes.start_time ASC'],
        limit: input.limit,
        cursor: input.cursor,
      },
      { signal, includeSystemTags: input.includeSystemTags },
    );
    // Experiments given by id were not listed: name those the runs belong to.
    for (const id of new Set(page.items.map((run) => run.experimentId))) {
      if (!names.has(id)) names.set(id, (await client.getExperiment(id, { signal })).name);
    }
    const labelled = {
      ...page,
      items: page.items.map((run) => ({ ...run, experimentName: names.get(run.experimentId) })),
    };
    const fitted = fitPageToBudget(labelled, maxResponseTokens);
    const experiments = [...new Set(fitted.items.map((run) => run.experimentId))].map((id) => ({
      id,
      name: names.get(id),
    }));
    if (fitted.items.length === 0 && !input.cursor) {
      return {
        ...empty,
        hint:
          `No active run has tags.${key} ${input.match === 'prefix' ? 'starting with' : '='} "${value}". ` +
          'If the id is stored under another tag, pass key; for a shortened id use match: "prefix"; ' +
          'mlflow_search_runs can search params and deleted runs.',
      };
    }
    return { ...fitted, key, value, experiments };
  },
});

import { fitItemsToBudget, RankedBySchema } from '@mlops-mcp/core';
import { z } from 'zod';
import { absentCaveats } from '../absent-backends.js';
import { defineCrossTool } from '../cross-context.js';
import { CaveatSchema, fanOut } from '../fan-out.js';
import { CrossRunSchema, toCrossRun } from '../run-item.js';
import { RunQuerySchema, rankedBy } from '../run-query.js';
import { rankRuns, searchRunsOn } from '../search-runs-across.js';
import { resolveSince } from '../time-window.js';
import { scopesOnce } from '../tracking-scopes.js';

/** mlops_search_runs: one neutral run query over every enabled tracking backend, merged and ranked. */
export const crossSearchRunsTool = defineCrossTool({
  name: 'mlops_search_runs',
  title: 'Search runs across MLflow and W&B',
  description:
    'Search runs of every tracking backend (MLflow, W&B) with one query, merged and ranked.',
  namespace: 'mlops',
  needs: ['tracking'],
  toolsets: ['cross', 'runs'],
  access: 'read',
  inputSchema: RunQuerySchema.extend({
    backends: z
      .array(z.enum(['mlflow', 'wandb']))
      .max(2)
      .optional(),
    limit: z.number().int().min(1).max(200).default(20),
  }),
  outputSchema: z.object({
    items: z.array(CrossRunSchema),
    searched: z
      .record(
        z.string(),
        z.object({ scopes: z.number(), capped: z.boolean(), matched: z.number() }),
      )
      .describe(
        'Per backend: experiments/projects searched, whether that list was capped, runs matched.',
      ),
    rankedBy: RankedBySchema.extend({ metric: z.string() })
      .optional()
      .describe('With orderBy: the direction used and whether it was given, inferred or guessed.'),
    caveats: z.array(CaveatSchema),
    truncated: z.boolean().optional(),
  }),
  async handler(input, { client, signal, progress, maxResponseTokens }) {
    const since = input.since ? resolveSince(input.since) : undefined;
    const adapters = [...client.adapters.values()].filter(
      (adapter) =>
        adapter.capabilities.tracking !== undefined &&
        (!input.backends?.length || (input.backends as string[]).includes(adapter.backend)),
    );
    const scopes = scopesOnce();
    const { results, caveats } = await fanOut(
      adapters,
      (adapter, backendSignal) =>
        searchRunsOn(adapter, input, since, input.limit, backendSignal, scopes),
      { signal, progress },
    );
    const ranked = rankRuns(
      results.flatMap((result) => result.value.runs),
      input,
    );
    const preferred = [input.orderBy?.metric, input.metric?.key].filter(
      (key): key is string => !!key,
    );
    const searched = Object.fromEntries(
      results.map((result) => [
        result.backend,
        {
          scopes: result.value.scopes,
          capped: result.value.capped,
          matched: result.value.runs.length,
        },
      ]),
    );
    const ranking = rankedBy(input);
    const scopeCaveats = results.flatMap((result) =>
      result.value.caveat
        ? [{ backend: result.backend, kind: 'partial', message: result.value.caveat }]
        : [],
    );
    const output = {
      items: ranked.slice(0, input.limit).map((run) => toCrossRun(run, preferred)),
      searched,
      ...(ranking ? { rankedBy: ranking } : {}),
      caveats: [
        ...absentCaveats(client, 'tracking', 'its runs were not searched').filter(
          (caveat) =>
            !input.backends?.length || (input.backends as string[]).includes(caveat.backend),
        ),
        ...scopeCaveats,
        ...caveats,
      ],
    };
    return fitItemsToBudget(
      ranked.length > input.limit ? { ...output, truncated: true } : output,
      maxResponseTokens,
    );
  },
});

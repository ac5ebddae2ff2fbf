import { runSnippet } from '../../harness/code-mode.js';
import { defineTask, type SeedContext } from '../../task.js';
import { callRecovering, RECOVERING, recoveryProblems } from './recover.js';

/** A GraphQL query to the W&B server (here the stand-in) with the API key, as wandb's SDK sends it. */
async function graphql<T>(
  ctx: SeedContext,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const auth = Buffer.from(`api:${ctx.wandb.apiKey}`).toString('base64');
  const answer = await ctx.rest<{ data?: T; errors?: unknown }>(`${ctx.wandb.url}/graphql`, {
    body: { query, variables },
    headers: { authorization: `Basic ${auth}` },
  });
  if (!answer.data) throw new Error(`W&B GraphQL answered ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

const CRASHED = JSON.stringify({ state: 'crashed' });

/**
 * `project_name` where the W&B tools take `project`: stripped, wandb_search_runs fell back to
 * WANDB_PROJECT and answered about another project without saying so.
 */
export const wandbProjectName = defineTask({
  id: 'arguments-wandb-project-name',
  question: (v: { project: string }) => `Which runs in the W&B project "${v.project}" crashed?`,
  tags: ['misnamed-argument', 'common'],
  backends: ['wandb'],
  async seed(ctx) {
    // The stand-in's data is fixed; the question is about a project with a crashed run.
    const { entity } = await graphql<{
      entity: { projects: { edges: { node: { name: string; runCount: number } }[] } };
    }>(
      ctx,
      `query ($entity: String) { entity(name: $entity) { projects(first: 100) { edges { node { name runCount(filters: ${JSON.stringify(CRASHED)}) } } } } }`,
      { entity: ctx.wandb.entity },
    );
    const project = entity.projects.edges.find((edge) => edge.node.runCount > 0)?.node.name;
    if (!project) throw new Error('the W&B stand-in has no project with a crashed run');
    return { visible: { project }, hidden: {} };
  },
  async truth(ctx, { visible }) {
    const { project } = await graphql<{
      project: { runs: { edges: { node: { name: string } }[] } };
    }>(
      ctx,
      'query ($project: String, $entity: String, $filters: JSONString) { project(name: $project, entityName: $entity) { runs(filters: $filters, first: 500) { edges { node { name } } } } }',
      { project: visible.project, entity: ctx.wandb.entity, filters: CRASHED },
    );
    return { crashed: project.runs.edges.map((edge) => edge.node.name).sort() };
  },
  async plan(agent, { project }) {
    const recovered = await callRecovering(agent, 'wandb_search_runs', {
      project_name: project,
      filters: CRASHED,
      fields: ['name', 'status'],
    });
    // Every page: more runs may have crashed than one page holds.
    const ids: string[] = [];
    let page = recovered.answer.structured;
    for (;;) {
      ids.push(...((page.items ?? []) as { id: string }[]).map((run) => run.id));
      if (typeof page.nextCursor !== 'string') break;
      page = (
        await agent.call('wandb_search_runs', {
          project,
          filters: CRASHED,
          fields: ['name', 'status'],
          cursor: page.nextCursor,
        })
      ).structured;
    }
    return { ...recovered, crashed: ids.sort() };
  },
  codePlan: (agent, { project }) =>
    runSnippet(
      agent,
      `${RECOVERING}const filters = JSON.stringify({ state: 'crashed' });
const r = await recovering(wandb.searchRuns, { project_name: ${JSON.stringify(project)}, filters, fields: ['name', 'status'] });
const ids = [];
let page = r.value;
for (;;) {
  ids.push(...page.items.map((run) => run.id));
  if (typeof page.nextCursor !== 'string') break;
  page = await wandb.searchRuns({ project: ${JSON.stringify(project)}, filters, fields: ['name', 'status'], cursor: page.nextCursor });
}
return { refused: r.refused, renamed: r.renamed, crashed: ids.sort() };`,
    ),
  check(answer, truth) {
    const problems = recoveryProblems(answer, { project_name: 'project' });
    if (JSON.stringify(answer.crashed) !== JSON.stringify(truth.crashed)) {
      problems.push(
        `crashed runs ${JSON.stringify(answer.crashed)}, expected ${JSON.stringify(truth.crashed)}`,
      );
    }
    return problems;
  },
});

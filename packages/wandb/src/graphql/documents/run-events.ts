import { z } from 'zod';
import { graphqlDocument } from '../graphql-document.js';
import { projectSchema } from '../page-info.js';

/**
 * The system-metrics stream ("events": GPU, CPU, memory, disk, network samples), each line a
 * JSON string. `events(samples:)` is what the SDK reads for `run.history(stream="system")`
 * (wandb/wandb tools/graphql_codegen/api/runs.graphql GetRunEvents; wandb/apis/public/runs.py
 * `_full_history`); the bandw reference schema does not list it.
 */
export const RunEventsDocument = graphqlDocument({
  name: 'WandbRunEvents',
  kind: 'query',
  operation: 'get system metrics',
  text: `query WandbRunEvents($entity: String!, $project: String!, $run: String!, $samples: Int) {
  project(name: $project, entityName: $entity) {
    name
    run(name: $run) {
      name
      eventsLineCount
      events(samples: $samples)
    }
  }
}`,
  schema: projectSchema({
    run: z
      .object({
        name: z.string(),
        eventsLineCount: z.number().nullish(),
        events: z.array(z.string()).nullish(),
      })
      .nullable(),
  }),
});

import { z } from 'zod';
import { limitInput, nameLikeInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { fitWholeList, wholeListSchema } from '../shared/whole-list.js';
import { PrefectVariableViewSchema } from './variable-and-block.js';

/** prefect_list_variables: variable names and values. */
export const listVariablesTool = definePrefectTool({
  name: 'prefect_list_variables',
  title: 'List Prefect variables',
  description: 'List Prefect variables with their JSON values.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'config'],
  access: 'read',
  inputSchema: z.object({ nameLike: nameLikeInput, limit: limitInput(100, 200) }),
  outputSchema: wholeListSchema(PrefectVariableViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const variables = await client.listVariables(input, { signal });
    return fitWholeList(variables, maxResponseTokens);
  },
});

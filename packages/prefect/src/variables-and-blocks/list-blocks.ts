import { z } from 'zod';
import { limitInput, nameLikeInput } from '../shared/common-inputs.js';
import { definePrefectTool } from '../shared/define-tool.js';
import { fitWholeList, wholeListSchema } from '../shared/whole-list.js';
import { PrefectBlockViewSchema } from './variable-and-block.js';

/** prefect_list_blocks: block documents' metadata, never their values. */
export const listBlocksTool = definePrefectTool({
  name: 'prefect_list_blocks',
  title: 'List Prefect blocks',
  description: 'List Prefect block documents by name, type and id; values are never returned.',
  namespace: 'prefect',
  toolsets: ['orchestration', 'config'],
  access: 'read',
  inputSchema: z.object({ nameLike: nameLikeInput, limit: limitInput(100, 200) }),
  outputSchema: wholeListSchema(PrefectBlockViewSchema),
  async handler(input, { client, signal, maxResponseTokens }) {
    const blocks = await client.listBlocks(input, { signal });
    return fitWholeList(blocks, maxResponseTokens);
  },
});

import type { GetPromptResult } from '@modelcontextprotocol/server';
import type { z } from 'zod';

/**
 * A workflow prompt ready to register: built once per gateway from its selected tools (which
 * decide whether it exists, its arguments and its steps) and registered on every server the
 * gateway builds, since nothing in it depends on the request.
 */
export interface WorkflowPrompt<Args extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly argsSchema: Args;
  /** The prompt for arguments the SDK has validated against `argsSchema`. */
  render(args: z.output<Args>): GetPromptResult;
}

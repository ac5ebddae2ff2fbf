import {
  type CallToolResult,
  ProtocolError,
  ProtocolErrorCode,
  type ReadResourceResult,
  ResourceNotFoundError,
  type ServerContext,
  type Variables,
} from '@modelcontextprotocol/server';
import type { ToolErrorPayload } from '../tools/error-result.js';
import type { ToolListing } from '../tools/tool-listing.js';
import type { ResourceContext } from './resource-context.js';
import { runResourceTool } from './resource-tools.js';

/** Error kinds that mean "no such entity" when the input came from a resource URI. */
const NOT_FOUND_KINDS = new Set(['not_found', 'invalid_input']);

/**
 * Decodes filled-in template variables: URIs carry each segment percent-encoded (as `entityUri`
 * writes them) and the SDK hands them over raw. Undefined when a segment is malformed.
 */
export function decodeVariables(variables: Variables): Record<string, string> | undefined {
  const decoded: Record<string, string> = {};
  try {
    for (const [name, value] of Object.entries(variables)) {
      decoded[name] = decodeURIComponent(Array.isArray(value) ? value.join(',') : value);
    }
  } catch {
    return undefined;
  }
  return decoded;
}

/**
 * Reads one resource by calling the tool behind it, so a resource and a tool call share
 * validation, error mapping, the response budget and redaction. An unknown or malformed id is
 * the SDK's resource-not-found error carrying the tool's message and hint; any other failure is
 * an internal error naming the URI and the error kind.
 */
export async function readThroughTool(
  ctx: ResourceContext,
  uri: URL,
  tool: ToolListing,
  args: Record<string, unknown>,
  serverCtx?: Pick<ServerContext, 'mcpReq'>,
): Promise<ReadResourceResult> {
  const result = await runResourceTool(ctx, tool, args, serverCtx);
  const text = firstText(result);
  if (result.isError) throw resourceError(uri.href, text);
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text }] };
}

function firstText(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

function resourceError(uri: string, text: string): ProtocolError {
  const error = parseErrorPayload(text);
  const explanation = sentence(error.message) + (error.hint ? ` ${error.hint}` : '');
  if (NOT_FOUND_KINDS.has(error.kind)) {
    return new ResourceNotFoundError(uri, `Resource not found: ${uri}. ${explanation}`);
  }
  return new ProtocolError(
    ProtocolErrorCode.InternalError,
    `Could not read ${uri} (${error.kind}): ${explanation}`,
    { uri, kind: error.kind },
  );
}

/** Backend messages often lack a full stop; the hint that follows must not run into them. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function parseErrorPayload(text: string): ToolErrorPayload['error'] {
  try {
    const payload = JSON.parse(text) as Partial<ToolErrorPayload>;
    if (payload.error && typeof payload.error.kind === 'string') return payload.error;
  } catch {
    // Not a gateway error payload: fall through to a generic one.
  }
  return { kind: 'internal', message: 'The tool behind this resource failed.' };
}

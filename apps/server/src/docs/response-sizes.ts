import { existsSync, readFileSync } from 'node:fs';

/** Where the measured response sizes live, from the repository root. */
export const RESPONSE_SIZES_FILE = 'docs/tool-responses.json';

/** One tool's measured response: estimated tokens of its text content, and images attached. */
export interface ResponseSize {
  tokens: number;
  images: number;
}

/** docs/tool-responses.json: written by `pnpm docs:responses`, read by the TOOLS.md generator. */
export interface ResponseSizes {
  /** The response budget the measurement ran with. */
  maxResponseTokens: number;
  tools: Record<string, ResponseSize>;
}

/**
 * Whether a recorded size still describes a fresh measurement. Ids, timestamps and durations
 * differ between runs, so sizes drift a little; a change of more than 15 % (and more than 25
 * tokens) means the tool's output changed and the record is stale.
 */
export function isResponseSizeCurrent(recorded: ResponseSize, fresh: ResponseSize): boolean {
  const drift = Math.abs(recorded.tokens - fresh.tokens);
  return recorded.images === fresh.images && (drift <= 25 || drift <= 0.15 * recorded.tokens);
}

/** The recorded sizes, or undefined when the file does not exist yet. */
export function readResponseSizes(root: URL): ResponseSizes | undefined {
  const file = new URL(RESPONSE_SIZES_FILE, root);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ResponseSizes) : undefined;
}

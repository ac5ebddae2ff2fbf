import type { Agent } from 'undici';
import type { BackendRequest } from './backend-request.js';

/**
 * The direct arm: sends recorded backend requests one after another with undici (keep-alive
 * pool, like the gateway's), reads each body and parses it as a hand-written client would (JSON,
 * or JSON lines for Weave's streamed call queries). Returns the bodies as text.
 */
export async function sendDirect(
  agent: Agent,
  requests: readonly BackendRequest[],
): Promise<string[]> {
  const bodies: string[] = [];
  for (const request of requests) {
    const response = await agent.request({
      origin: request.origin,
      path: request.path,
      method: request.method as 'GET',
      headers: request.headers,
      body: request.body,
    });
    const text = await response.body.text();
    if (response.statusCode >= 400) {
      throw new Error(`direct ${request.method} ${request.path} answered ${response.statusCode}`);
    }
    parseBody(text, response.headers['content-type']);
    bodies.push(text);
  }
  return bodies;
}

function parseBody(text: string, contentType: string | string[] | undefined): unknown {
  const type = String(contentType ?? '');
  if (type.includes('jsonl') || type.includes('ndjson')) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  }
  return text.trim() === '' ? null : (JSON.parse(text) as unknown);
}

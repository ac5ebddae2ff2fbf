import { Agent, type Dispatcher } from 'undici';
import type { BackendRequest } from './backend-request.js';

/** A dispatcher that passes requests on and remembers each one. */
export interface RecordingDispatcher {
  dispatcher: Dispatcher;
  /** The requests recorded since the last call, oldest first. */
  take(): BackendRequest[];
  close(): Promise<void>;
}

/**
 * Records the exact backend requests a tool call makes (method, path, headers, body), so the
 * direct arm of a benchmark can send the very same requests without the gateway.
 */
export function recordingDispatcher(): RecordingDispatcher {
  const agent = new Agent();
  let recorded: BackendRequest[] = [];
  const dispatcher = agent.compose((dispatch) => (options, handler) => {
    recorded.push({
      origin: String(options.origin),
      path: options.path,
      method: options.method,
      headers: plainHeaders(options.headers),
      ...(typeof options.body === 'string' ? { body: options.body } : {}),
    });
    return dispatch(options, handler);
  });
  return {
    dispatcher,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () => agent.close(),
  };
}

function plainHeaders(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  if (!headers) return {};
  if (Array.isArray(headers)) {
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < headers.length; i += 2)
      out[String(headers[i])] = String(headers[i + 1]);
    return out;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

import { createServer } from 'node:net';

/** True if some process is still in process group `pgid`. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True if we can bind a listener to 127.0.0.1:`port` right now. */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** POST a JSON body to an MLflow REST endpoint and return the parsed JSON response. */
export async function mlflowPost<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** GET an MLflow REST endpoint with query parameters and return the parsed JSON response. */
export async function mlflowGet<T>(
  baseUrl: string,
  path: string,
  query: Record<string, string>,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}?${new URLSearchParams(query)}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

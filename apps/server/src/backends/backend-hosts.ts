/**
 * The operator's allow-list of hosts a request's backend URL header may name
 * (MLOPS_MCP_HTTP_BACKEND_HOSTS). Entries: `host` (any port), `host:port`, `*.domain` (its
 * subdomains, not the domain itself), `[v6]`/`[v6]:port`, or `*` (any host: the operator accepts
 * that token holders can reach anything the gateway can).
 */
export interface HostPattern {
  /** Lower-case host name, `[v6]`, `*.suffix` or `*`. */
  host: string;
  /** The port it is limited to; undefined = any port. */
  port: string | undefined;
}

const PATTERN = /^(\*|\*\.[a-z0-9.-]+|\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i;

/** Parses one allow-list entry; undefined when it is not of a supported form. */
export function parseHostPattern(entry: string): HostPattern | undefined {
  const match = PATTERN.exec(entry.trim());
  if (!match) return undefined;
  const port = match[2];
  if (port !== undefined && Number(port) > 65535) return undefined;
  return { host: match[1]!.toLowerCase().replace(/\.$/, ''), port };
}

/** The host:port a URL reaches (the scheme's default port when none is written). */
export function urlHostPort(url: URL): { host: string; port: string } {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return { host: url.hostname.toLowerCase().replace(/\.$/, ''), port };
}

/** Whether an http(s) URL's host and port match one of the patterns. */
export function isAllowedHost(url: URL, patterns: readonly string[]): boolean {
  const { host, port } = urlHostPort(url);
  return patterns.some((entry) => {
    const pattern = parseHostPattern(entry);
    if (!pattern) return false;
    if (pattern.port !== undefined && pattern.port !== port) return false;
    if (pattern.host === '*') return true;
    if (pattern.host.startsWith('*.')) return host.endsWith(pattern.host.slice(1));
    return host === pattern.host;
  });
}

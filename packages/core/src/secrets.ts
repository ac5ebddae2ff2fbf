/**
 * Secret redaction. Every credential the project loads is registered here; anything that
 * leaves the process (tool results, errors, logs) passes through `redact`, which replaces each
 * registered value and its base64 and URL-encoded forms, plus credential-shaped patterns.
 */

const REDACTED = '[REDACTED]';
/** Shorter values are too likely to occur by chance in ordinary text. */
const MIN_SECRET_LENGTH = 4;
/**
 * Per-request credentials (shared HTTP deployments) are registered too; the oldest forms are
 * dropped beyond this bound so a long-running server's registry cannot grow without limit.
 */
const MAX_FORMS = 4096;

const CREDENTIAL_PATTERNS: RegExp[] = [
  // Authorization header values.
  /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // key=value pairs whose key names a credential (query strings, env dumps, form bodies).
  /\b([A-Za-z_]*(?:api[_-]?key|token|secret|password|auth[_-]?string)[A-Za-z_]*)(["']?\s*[=:]\s*["']?)([^\s"'&,;}]+)/gi,
  // userinfo in URLs: scheme://user:pass@host
  /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi,
];

/** Holds known secret values and scrubs them from text. */
export class SecretRegistry {
  readonly #forms = new Set<string>();

  /** Registers a secret (and its encoded forms). Empty or very short values are ignored. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    for (const form of encodedForms(secret)) {
      // Re-adding moves a form to the newest end, so credentials in use are evicted last.
      this.#forms.delete(form);
      this.#forms.add(form);
    }
    while (this.#forms.size > MAX_FORMS) {
      const oldest = this.#forms.values().next().value as string;
      this.#forms.delete(oldest);
    }
  }

  /** True when nothing has been registered. */
  get isEmpty(): boolean {
    return this.#forms.size === 0;
  }

  /** Replaces every registered secret and every credential-shaped pattern in `text`. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const form of [...this.#forms].sort((a, b) => b.length - a.length)) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
    out = out.replace(CREDENTIAL_PATTERNS[0]!, (_m, scheme: string) => `${scheme} ${REDACTED}`);
    out = out.replace(
      CREDENTIAL_PATTERNS[1]!,
      (_m, key: string, sep: string) => `${key}${sep}${REDACTED}`,
    );
    out = out.replace(CREDENTIAL_PATTERNS[2]!, (_m, scheme: string) => `${scheme}${REDACTED}@`);
    return out;
  }

  /** Redacts every string inside a JSON-like value, returning a new value. */
  redactDeep<T>(value: T): T {
    return redactValue(value, this) as T;
  }
}

function redactValue(value: unknown, registry: SecretRegistry): unknown {
  if (typeof value === 'string') return registry.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, registry));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = redactValue(inner, registry);
    return out;
  }
  return value;
}

function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ''));
  forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** The process-wide registry the server and adapters share. */
export const secrets = new SecretRegistry();

/** Removes `user:password@` from a URL so it is safe to show; returns input unchanged if not a URL. */
export function stripUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * A netrc parser that follows Python's `netrc` module, because that is what the wandb SDK
 * reads credentials with (wandb/wandb: wandb/sdk/lib/wbauth/wbnetrc.py). Only reading is
 * needed here; `wandb login` writes the entries.
 */

/** One `machine` (or `default`) entry of a netrc file. */
export interface NetrcEntry {
  login: string;
  account: string;
  password: string;
}

/** The entries of a netrc file: named machines plus the optional `default` entry. */
export interface Netrc {
  machines: Map<string, NetrcEntry>;
  default?: NetrcEntry;
}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const ENTRY_START = new Set(['machine', 'default', 'macdef']);

/** Splits netrc text into tokens: whitespace-separated, `"quoted"`, backslash escapes. */
class NetrcLexer {
  readonly #text: string;
  #pos = 0;
  #pushedBack: string | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The next token, or undefined at the end of the text. */
  next(): string | undefined {
    if (this.#pushedBack !== undefined) {
      const token = this.#pushedBack;
      this.#pushedBack = undefined;
      return token;
    }
    const text = this.#text;
    while (this.#pos < text.length && WHITESPACE.has(text[this.#pos]!)) this.#pos++;
    if (this.#pos >= text.length) return undefined;
    let token = '';
    if (text[this.#pos] === '"') {
      this.#pos++;
      while (this.#pos < text.length) {
        let ch = text[this.#pos++]!;
        if (ch === '"') return token;
        if (ch === '\\') ch = text[this.#pos++] ?? '';
        token += ch;
      }
      return token;
    }
    while (this.#pos < text.length && !WHITESPACE.has(text[this.#pos]!)) {
      let ch = text[this.#pos++]!;
      if (ch === '\\') ch = text[this.#pos++] ?? '';
      token += ch;
    }
    return token;
  }

  pushBack(token: string): void {
    this.#pushedBack = token;
  }

  /** Skips the rest of the current line, newline included. */
  skipLine(): void {
    const end = this.#text.indexOf('\n', this.#pos);
    this.#pos = end === -1 ? this.#text.length : end + 1;
  }

  /** Skips a macro body, which ends at the first empty line; false if the text ends first. */
  skipMacroBody(): boolean {
    this.skipLine();
    while (this.#pos < this.#text.length) {
      const end = this.#text.indexOf('\n', this.#pos);
      if (end === -1) return false;
      const line = this.#text.slice(this.#pos, end);
      this.#pos = end + 1;
      if (line === '' || line === '\r') return true;
    }
    return false;
  }
}

/**
 * Parses netrc text. Returns undefined when the text is malformed, as wandb treats a file
 * Python's netrc rejects as holding no credentials. Unlike Python, any token starting with
 * `#` comments out the rest of its line (Python's rule depends on token length and position).
 */
export function parseNetrc(text: string): Netrc | undefined {
  const lexer = new NetrcLexer(text);
  const netrc: Netrc = { machines: new Map() };
  for (;;) {
    const keyword = lexer.next();
    if (keyword === undefined) return netrc;
    if (keyword.startsWith('#')) {
      lexer.skipLine();
      continue;
    }
    if (keyword === 'macdef') {
      lexer.next();
      if (!lexer.skipMacroBody()) return undefined;
      continue;
    }
    let machine: string | undefined;
    if (keyword === 'machine') {
      machine = lexer.next();
      if (!machine) return undefined;
    } else if (keyword !== 'default') {
      return undefined;
    }
    const entry = readEntry(lexer);
    if (!entry) return undefined;
    // A later entry for the same machine replaces an earlier one, as in Python's netrc.
    if (machine === undefined) netrc.default = entry;
    else netrc.machines.set(machine, entry);
  }
}

function readEntry(lexer: NetrcLexer): NetrcEntry | undefined {
  const entry: NetrcEntry = { login: '', account: '', password: '' };
  for (;;) {
    const token = lexer.next();
    if (token === undefined) return entry;
    if (ENTRY_START.has(token)) {
      lexer.pushBack(token);
      return entry;
    }
    if (token.startsWith('#')) lexer.skipLine();
    else if (token === 'login' || token === 'user') entry.login = lexer.next() ?? '';
    else if (token === 'account') entry.account = lexer.next() ?? '';
    else if (token === 'password') entry.password = lexer.next() ?? '';
    else return undefined;
  }
}

/** The password stored for `machine`, else the `default` entry's; undefined when empty. */
export function netrcPassword(netrc: Netrc, machine: string): string | undefined {
  const entry = netrc.machines.get(machine) ?? netrc.default;
  return entry?.password || undefined;
}

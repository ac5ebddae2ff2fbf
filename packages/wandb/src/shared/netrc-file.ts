import fs from 'node:fs';
import path from 'node:path';
import { expandHome } from './expand-home.js';
import { netrcPassword, parseNetrc } from './netrc.js';

/**
 * The netrc file wandb reads, in its order (wandb/wandb: wandb/sdk/lib/wbauth/wbnetrc.py,
 * `_get_netrc_file_path`): `$NETRC` if set (even if missing), else `~/.netrc`, else `~/_netrc`
 * (the Windows name). Undefined when none of those exists.
 */
export function netrcFilePath(env: NodeJS.ProcessEnv, homeDir: string): string | undefined {
  if (env.NETRC) return expandHome(env.NETRC, homeDir);
  for (const name of ['.netrc', '_netrc']) {
    const candidate = path.join(homeDir, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Reads the password of the netrc entry for `machine`. Undefined when the file is missing,
 * unreadable or malformed, or has no entry: wandb only warns in those cases, and a broken
 * netrc should not stop the gateway from starting.
 */
export function readNetrcPassword(filePath: string, machine: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
  const netrc = parseNetrc(text);
  return netrc ? netrcPassword(netrc, machine) : undefined;
}

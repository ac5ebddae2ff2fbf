import path from 'node:path';

/** Expands a leading `~` to `homeDir`, as Python's expanduser does for the paths W&B reads. */
export function expandHome(filePath: string, homeDir: string): string {
  if (filePath === '~') return homeDir;
  if (filePath.startsWith('~/')) return path.join(homeDir, filePath.slice(2));
  return filePath;
}

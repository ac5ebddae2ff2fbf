import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last `lines` lines of a (possibly large or missing) text file, for error messages. */
export function logTail(file: string, lines = 30): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log output)';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

import { InvalidInputError } from '@mlops-mcp/core';

const HINT =
  'Pass a path relative to the run\'s artifact root exactly as mlflow_list_artifacts shows it, e.g. "artifacts/results.yml".';

/**
 * Validates an artifact path from tool input before any request: relative, forward slashes,
 * no `.`/`..` segments, no scheme, no backslash, no percent-encoding (so no encoded `..` or
 * `/` can slip through), no control characters. Returns it without a trailing slash; '' is the
 * artifact root.
 */
export function parseArtifactPath(value: string, field = 'path'): string {
  const reject = (why: string): never => {
    throw new InvalidInputError(`"${value.slice(0, 100)}" is not a valid artifact path: ${why}.`, {
      field,
      hint: HINT,
    });
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) reject('it contains control characters');
  if (value.includes('\\')) reject('backslashes are not allowed; use "/"');
  if (/%[0-9a-f]{2}/i.test(value)) reject('percent-encoded characters are not allowed');
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) reject('it must be a relative path, not a URI');
  if (value.startsWith('/') || value.startsWith('~'))
    reject("it must be relative to the run's artifact root");
  const path = value.replace(/\/+$/, '');
  if (path === '') return '';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    reject('"." and ".." segments are not allowed');
  }
  if (segments.some((segment) => segment === '')) reject('it contains an empty segment ("//")');
  return path;
}

import { describe, expect, it } from 'vitest';
import { rehint, withHints } from './error-hints.js';
import { AuthError, InvalidInputError, NotFoundError } from './errors.js';

const notFound = new NotFoundError('MLflow: no such model', {
  backend: 'mlflow',
  status: 404,
  hint: 'generic',
});

describe('error hints', () => {
  it('replaces the hint of a listed kind and keeps message, backend, status and cause', async () => {
    const error = await withHints(Promise.reject(notFound), { not_found: 'list models' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      message: notFound.message,
      hint: 'list models',
      backend: 'mlflow',
      status: 404,
      cause: notFound,
    });
  });

  it('sets the field named with the hint', () => {
    const invalid = new InvalidInputError('bad url', { backend: 'mlflow' });
    expect(rehint(invalid, { invalid_input: { hint: 'use https', field: 'url' } })).toMatchObject({
      kind: 'invalid_input',
      hint: 'use https',
      field: 'url',
    });
  });

  it('leaves other kinds and foreign errors unchanged', async () => {
    const auth = new AuthError('denied');
    expect(rehint(auth, { not_found: 'x' })).toBe(auth);
    const plain = new Error('boom');
    await expect(withHints(Promise.reject(plain), { not_found: 'x' })).rejects.toBe(plain);
  });

  it('takes the hints from a function of the error', async () => {
    const error = await withHints(Promise.reject(notFound), (e) => ({
      not_found: `about ${e.backend}`,
    })).catch((e: unknown) => e);
    expect(error).toMatchObject({ hint: 'about mlflow' });
  });
});

import type { HttpFailure } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { mapPrefectError } from './prefect-errors.js';
import { CsrfRejectedError } from './prefect-http.js';

const failure = (status: number, json: unknown, operation = 'get flow run'): HttpFailure => ({
  status,
  json,
  body: JSON.stringify(json),
  operation,
});

describe('mapPrefectError', () => {
  it('maps a request validation error to invalid_input naming the field without "body"', () => {
    const error = mapPrefectError(
      failure(422, {
        exception_message: 'Invalid request received.',
        exception_detail: [
          {
            type: 'uuid_parsing',
            loc: ['body', 'flow_runs', 'id', 'any_', 0],
            msg: 'Input should be a valid UUID',
          },
        ],
      }),
    );
    expect(error).toMatchObject({
      kind: 'invalid_input',
      field: 'flow_runs.id.any_.0',
      status: 422,
    });
    expect(error?.message).toContain('Input should be a valid UUID');
  });

  it('maps a 404 detail to not_found with a hint naming the listing tool', () => {
    const error = mapPrefectError(failure(404, { detail: 'Flow run not found' }));
    expect(error).toMatchObject({ kind: 'not_found', message: 'Prefect: Flow run not found.' });
    expect(error?.hint).toContain('prefect_list_flow_runs');
  });

  it('maps a 409 conflict to invalid_input', () => {
    const error = mapPrefectError(failure(409, { detail: 'Data is invalid' }, 'create flow run'));
    expect(error?.kind).toBe('invalid_input');
  });

  it("recognises a refusal by Prefect's CSRF middleware", () => {
    const error = mapPrefectError(failure(403, { detail: 'Missing CSRF token.' }, 'list flows'));
    expect(error).toBeInstanceOf(CsrfRejectedError);
    expect(error?.kind).toBe('auth');
  });

  it('maps other 401/403 answers to auth with a hint naming the settings', () => {
    const error = mapPrefectError(failure(401, { detail: 'Unauthorized' }));
    expect(error?.kind).toBe('auth');
    expect(error?.hint).toContain('PREFECT_API_KEY');
  });

  it('leaves bodies it does not know to the default mapping', () => {
    expect(mapPrefectError(failure(500, 'oops'))).toBeUndefined();
  });
});

import { secrets } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { prefectAuthHeaders } from './auth-headers.js';

describe('prefectAuthHeaders', () => {
  it('sends an API key as a bearer token', () => {
    expect(prefectAuthHeaders({ apiKey: 'pnu_bearer000000000000000000000000000' })).toEqual({
      authorization: 'Bearer pnu_bearer000000000000000000000000000',
    });
  });

  it('sends an auth string as HTTP basic', () => {
    const { authorization } = prefectAuthHeaders({ authString: 'admin:basic-pw' });
    expect(authorization).toBe(`Basic ${Buffer.from('admin:basic-pw').toString('base64')}`);
  });

  it('prefers the auth string over the API key, as Prefect does', () => {
    const { authorization } = prefectAuthHeaders({
      apiKey: 'pnu_ignored00000000000000000000000000',
      authString: 'admin:wins-pw',
    });
    expect(authorization).toMatch(/^Basic /);
  });

  it('sends no headers without credentials', () => {
    expect(prefectAuthHeaders({})).toEqual({});
  });

  it('registers the header values for redaction', () => {
    const { authorization } = prefectAuthHeaders({ authString: 'admin:header-pw' });
    const token = authorization?.replace(/^Basic /, '') ?? '';
    expect(secrets.redact(`sent ${token}`)).not.toContain(token);
  });
});

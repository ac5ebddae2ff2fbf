import { secrets } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { wandbBasicAuthHeader } from './auth-header.js';

describe('wandbBasicAuthHeader', () => {
  it('sends the key as the basic-auth password of user "api"', () => {
    const header = wandbBasicAuthHeader({ apiKey: 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4' });
    const encoded = header.replace(/^Basic /, '');
    expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(
      'api:d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4',
    );
  });

  it('registers the header value for redaction', () => {
    const header = wandbBasicAuthHeader({ apiKey: 'f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5f5' });
    const token = header.replace(/^Basic /, '');
    expect(secrets.redact(`sent ${header}`)).not.toContain(token);
    expect(secrets.redact(`sent ${token}`)).not.toContain(token);
  });
});

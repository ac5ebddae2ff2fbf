import { describe, expect, it } from 'vitest';
import { SecretRegistry, stripUserinfo } from './secrets.js';

describe('secret redaction', () => {
  it('replaces a registered secret wherever it appears', () => {
    const registry = new SecretRegistry();
    registry.add('canary-key-123');
    expect(registry.redact('key is canary-key-123!')).toBe('key is [REDACTED]!');
  });

  it('replaces the base64 and URL-encoded forms of a secret', () => {
    const registry = new SecretRegistry();
    registry.add('p@ss word/1');
    const b64 = Buffer.from('p@ss word/1').toString('base64');
    expect(registry.redact(`x ${b64} y ${encodeURIComponent('p@ss word/1')}`)).toBe(
      'x [REDACTED] y [REDACTED]',
    );
  });

  it('masks bearer tokens and credential-named key=value pairs it was never told about', () => {
    const registry = new SecretRegistry();
    const text =
      'Authorization: Bearer abcdefgh12345678 and api_key=zzz999 and "password": "hunter22"';
    const out = registry.redact(text);
    expect(out).not.toContain('abcdefgh12345678');
    expect(out).not.toContain('zzz999');
    expect(out).not.toContain('hunter22');
  });

  it('masks userinfo in URLs inside text', () => {
    const registry = new SecretRegistry();
    expect(registry.redact('GET https://bob:s3cret@mlflow.example/api')).toBe(
      'GET https://[REDACTED]@mlflow.example/api',
    );
  });

  it('redacts strings nested in objects and arrays', () => {
    const registry = new SecretRegistry();
    registry.add('tok-abcdef');
    expect(registry.redactDeep({ a: ['tok-abcdef'], b: { c: 'x tok-abcdef' }, n: 1 })).toEqual({
      a: ['[REDACTED]'],
      b: { c: 'x [REDACTED]' },
      n: 1,
    });
  });

  it('ignores values too short to be secrets', () => {
    const registry = new SecretRegistry();
    registry.add('ab');
    expect(registry.redact('abc')).toBe('abc');
  });

  it('keeps its memory bounded when many distinct secrets are registered', () => {
    const registry = new SecretRegistry();
    registry.add('first-secret-000');
    for (let i = 0; i < 5000; i++) registry.add(`tenant-key-${i}-abcdef`);
    expect(registry.redact('tenant-key-4999-abcdef')).toBe('[REDACTED]');
    expect(registry.redact('first-secret-000')).toBe('first-secret-000');
  });

  it('strips userinfo from a URL', () => {
    expect(stripUserinfo('https://u:p@host.test/x')).toBe('https://host.test/x');
  });
});

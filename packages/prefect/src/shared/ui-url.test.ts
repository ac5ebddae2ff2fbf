import { describe, expect, it } from 'vitest';
import { prefectUiBase } from './ui-url.js';

describe('prefectUiBase', () => {
  it('drops /api for a self-hosted server', () => {
    expect(prefectUiBase('http://127.0.0.1:4200/api')).toBe('http://127.0.0.1:4200');
  });

  it('keeps a base path in front of /api', () => {
    expect(prefectUiBase('https://tools.example.com/prefect/api')).toBe(
      'https://tools.example.com/prefect',
    );
  });

  it('maps a Prefect Cloud workspace API URL to its app URL', () => {
    expect(prefectUiBase('https://api.prefect.cloud/api/accounts/a1/workspaces/w1')).toBe(
      'https://app.prefect.cloud/account/a1/workspace/w1',
    );
  });
});

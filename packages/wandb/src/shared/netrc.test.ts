import { describe, expect, it } from 'vitest';
import { netrcPassword, parseNetrc } from './netrc.js';

describe('parseNetrc', () => {
  it('reads entries written one token pair per line, as wandb login writes them', () => {
    const netrc = parseNetrc('machine api.wandb.ai\n  login user\n  password k1\n');
    expect(netrc?.machines.get('api.wandb.ai')).toEqual({
      login: 'user',
      account: '',
      password: 'k1',
    });
  });

  it('reads several entries on single lines', () => {
    const netrc = parseNetrc('machine a login u password p1 machine b login u password p2');
    expect(netrc && netrcPassword(netrc, 'b')).toBe('p2');
  });

  it('unquotes quoted values and honours backslash escapes', () => {
    const netrc = parseNetrc('machine a login u password "p w\\"d"\nmachine b password x\\ y');
    expect(netrc && netrcPassword(netrc, 'a')).toBe('p w"d');
    expect(netrc && netrcPassword(netrc, 'b')).toBe('x y');
  });

  it('skips comments', () => {
    const netrc = parseNetrc('# my creds\nmachine a # the cloud\n  password p1\n');
    expect(netrc && netrcPassword(netrc, 'a')).toBe('p1');
  });

  it('skips macro definitions up to their blank line', () => {
    const netrc = parseNetrc('macdef init\ncd /pub\nbinary\n\nmachine a password p1\n');
    expect(netrc && netrcPassword(netrc, 'a')).toBe('p1');
  });

  it('falls back to the default entry for an unknown machine', () => {
    const netrc = parseNetrc('machine a password p1\ndefault login anon password p0\n');
    expect(netrc && netrcPassword(netrc, 'elsewhere')).toBe('p0');
  });

  it('lets a later entry for the same machine replace an earlier one', () => {
    const netrc = parseNetrc('machine a password old\nmachine a password new\n');
    expect(netrc && netrcPassword(netrc, 'a')).toBe('new');
  });

  it('rejects an unknown keyword inside an entry', () => {
    expect(parseNetrc('machine a login u secret p\n')).toBeUndefined();
  });

  it('rejects an unknown top-level keyword', () => {
    expect(parseNetrc('password p\n')).toBeUndefined();
  });

  it('rejects a machine keyword with no name', () => {
    expect(parseNetrc('machine')).toBeUndefined();
  });

  it('rejects a macro definition that never ends', () => {
    expect(parseNetrc('macdef init\ncd /pub\n')).toBeUndefined();
  });

  it('reads an empty file as having no entries', () => {
    expect(parseNetrc('')?.machines.size).toBe(0);
  });
});

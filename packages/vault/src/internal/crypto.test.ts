import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertMasterKey, open, randomKey, seal, subjectTag, unwrapKey, wrapKey } from './crypto';

describe('vault crypto', () => {
  const key = randomKey();

  it('round-trips any JSON value and never stores it in clear', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, aad) => {
        const sealed = seal(key, value, aad);
        expect(sealed.startsWith('e1:')).toBe(true);
        expect(open(key, sealed, aad)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
    expect(seal(key, 'Nguyễn Thị Thử', 'a')).not.toContain('Nguy');
    expect(seal(key, 'x', 'a')).not.toBe(seal(key, 'x', 'a'));
  });

  it('refuses a ciphertext moved to another row, altered, or opened with another key', () => {
    const sealed = seal(key, { v: 1 }, 'fact|001|doc_1|person.fullName');
    expect(() => open(key, sealed, 'fact|002|doc_1|person.fullName')).toThrow(
      expect.objectContaining({ code: 'VAULT_DECRYPT_FAILED' }),
    );
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[14] = (bytes[14] ?? 0) ^ 1;
    expect(() => open(key, `e1:${bytes.toString('base64')}`, 'fact|001|doc_1|person.fullName')).toThrow(
      /integrity check/,
    );
    expect(() => open(randomKey(), sealed, 'fact|001|doc_1|person.fullName')).toThrow(/integrity check/);
    expect(() => open(undefined, sealed, 'x')).toThrow(/masterKey/);
    expect(open(undefined, seal(undefined, { v: 2 }, 'x'), 'y')).toEqual({ v: 2 });
  });

  it('wraps data keys per subject under a named master key', () => {
    const master = { id: 'm1', key: randomBytes(32) };
    const wrapped = wrapKey(master, key, '001099012345');
    expect(wrapped.startsWith('m1:')).toBe(true);
    expect(unwrapKey(new Map([['m1', master]]), wrapped, '001099012345').equals(key)).toBe(true);
    expect(() => unwrapKey(new Map([['m1', master]]), wrapped, '001099054321')).toThrow(
      expect.objectContaining({ code: 'VAULT_DECRYPT_FAILED' }),
    );
    expect(() => unwrapKey(new Map(), wrapped, '001099012345')).toThrow(
      expect.objectContaining({ code: 'VAULT_KEY_MISSING' }),
    );
    expect(() => assertMasterKey({ id: 'm', key: randomBytes(16) }, 'master key')).toThrow(/32 random bytes/);
    expect(() => assertMasterKey({ id: 'bad id!', key: randomBytes(32) }, 'master key')).toThrow(
      expect.objectContaining({ code: 'VAULT_KEY_INVALID' }),
    );
  });

  it('pseudonymises subjects with a keyed hash', () => {
    const salt = randomBytes(32).toString('base64');
    expect(subjectTag(salt, '001099012345')).toMatch(/^[0-9a-f]{32}$/);
    expect(subjectTag(salt, '001099012345')).toBe(subjectTag(salt, '001099012345'));
    expect(subjectTag(salt, '001099012345')).not.toBe(subjectTag(randomBytes(32).toString('base64'), '001099012345'));
  });
});

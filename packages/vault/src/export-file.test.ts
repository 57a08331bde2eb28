import { describe, expect, it } from 'vitest';
import { isSealedExport, openExport, sealExport } from './export-file';
import type { SubjectExport } from './types';

const data = {
  format: 'sohoa-vault-export/1',
  subject: { kind: 'person', id: '001099012345' },
  facts: [{ value: 'Nguyễn Thị Thử' }],
} as unknown as SubjectExport;
const PASSPHRASE = 'một passphrase đủ dài';

describe('sealed export files', () => {
  it('round-trips, shows no value, and refuses a wrong passphrase, a short one, or an altered file', () => {
    const sealed = sealExport(data, PASSPHRASE);
    expect(isSealedExport(JSON.parse(JSON.stringify(sealed)))).toBe(true);
    expect(JSON.stringify(sealed)).not.toMatch(/001099012345|Nguyễn/);
    expect(openExport(sealed, PASSPHRASE)).toEqual(data);
    expect(() => openExport(sealed, `${PASSPHRASE}!`)).toThrow(
      expect.objectContaining({ code: 'VAULT_EXPORT_DECRYPT_FAILED' }),
    );
    expect(() => sealExport(data, 'short')).toThrow(
      expect.objectContaining({ code: 'VAULT_EXPORT_PASSPHRASE_MISSING' }),
    );
    const bytes = Buffer.from(sealed.sealed, 'base64');
    bytes[20] = bytes[20]! ^ 1;
    expect(() => openExport({ ...sealed, sealed: bytes.toString('base64') }, PASSPHRASE)).toThrow(
      expect.objectContaining({ code: 'VAULT_EXPORT_DECRYPT_FAILED' }),
    );
    // The KDF parameters are authenticated: weakening them in the header breaks the file.
    expect(() => openExport({ ...sealed, kdf: { ...sealed.kdf, N: 2 ** 10 } }, PASSPHRASE)).toThrow(
      expect.objectContaining({ code: 'VAULT_EXPORT_DECRYPT_FAILED' }),
    );
  });
});

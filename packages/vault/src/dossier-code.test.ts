import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode, safeParseDossierCode } from './dossier-code';

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const chunk = (n: number) => fc.array(alnum, { minLength: n, maxLength: n }).map((a) => a.join(''));
const code = fc.record({
  agency: fc.tuple(chunk(3), chunk(3), chunk(2)).map((p) => p.join('.')),
  receivedOn: fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  series: chunk(2),
  sequence: fc.integer({ min: 0, max: 9999 }),
});

describe('dossier codes', () => {
  it('parses the one-stop shape', () => {
    expect(parseDossierCode('H29.001.07-260115-AB0042')).toEqual({
      agency: 'H29.001.07',
      receivedOn: '2026-01-15',
      series: 'AB',
      sequence: 42,
    });
  });

  it('round-trips every well-formed code', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(parseDossierCode(formatDossierCode(c))).toEqual(c);
      }),
    );
  });

  it('never throws on any string, and rejects non-dates', () => {
    fc.assert(fc.property(fc.string(), (s) => void safeParseDossierCode(s)));
    expect(safeParseDossierCode('H29.001.07-260230-AB0042')).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'VAULT_DOSSIER_CODE_INVALID' }],
    });
    expect(() => parseDossierCode('H29-1')).toThrow(/MX1X2\.Y1Y2Y3\.Z1Z2-YYMMDD-AAXXXX/);
  });
});

import { SohoaError, createDiagnostic, type Diagnostic } from '@sohoa/core';

/** The parts of a one-stop dossier code `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`. */
export interface DossierCode {
  /** Receiving agency `MX1X2.Y1Y2Y3.Z1Z2`. */
  agency: string;
  /** ISO date the dossier was received (`YYMMDD`, 20YY). */
  receivedOn: string;
  /** `AA`: the receiving point's series. */
  series: string;
  /** `XXXX`: the sequence number within the day. */
  sequence: number;
}

const PATTERN = /^([A-Z0-9]{3}\.[A-Z0-9]{3}\.[A-Z0-9]{2})-(\d{2})(\d{2})(\d{2})-([A-Z0-9]{2})(\d{4})$/;

/**
 * Parse a dossier code without throwing.
 *
 * @example
 * safeParseDossierCode('H29.001.07-260115-AB0042') // { ok: true, value: { agency: 'H29.001.07', receivedOn: '2026-01-15', series: 'AB', sequence: 42 } }
 */
export function safeParseDossierCode(
  text: string,
): { ok: true; value: DossierCode } | { ok: false; diagnostics: Diagnostic[] } {
  const fail = (message: string) => ({
    ok: false as const,
    diagnostics: [createDiagnostic('VAULT_DOSSIER_CODE_INVALID', 'error', message, { origin: 'vault' })],
  });
  if (typeof text !== 'string') return fail('The dossier code is not a string.');
  const m = PATTERN.exec(text.trim());
  if (!m)
    return fail(
      'The dossier code does not have the one-stop shape `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, e.g. `H29.001.07-260115-AB0042`.',
    );
  const [, agency, yy, mm, dd, series, seq] = m as unknown as [string, string, string, string, string, string, string];
  const receivedOn = `20${yy}-${mm}-${dd}`;
  const date = new Date(`${receivedOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== receivedOn) {
    return fail('The date part `YYMMDD` of the dossier code is not a calendar date.');
  }
  return { ok: true, value: { agency, receivedOn, series, sequence: Number(seq) } };
}

/** Parse a dossier code; throws `VAULT_DOSSIER_INVALID` with the reason. */
export function parseDossierCode(text: string): DossierCode {
  const result = safeParseDossierCode(text);
  if (!result.ok)
    throw new SohoaError('VAULT_DOSSIER_INVALID', result.diagnostics[0]!.message, { diagnostics: result.diagnostics });
  return result.value;
}

/** The code for its parts: the inverse of {@link parseDossierCode}. */
export function formatDossierCode(code: DossierCode): string {
  const [yyyy, mm, dd] = code.receivedOn.split('-') as [string, string, string];
  return `${code.agency}-${yyyy.slice(2)}${mm}${dd}-${code.series}${String(code.sequence).padStart(4, '0')}`;
}

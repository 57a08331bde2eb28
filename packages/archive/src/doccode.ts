import { createDiagnostic, type Diagnostic, SohoaError } from '@sohoa/core';
import type { DocCodeParts } from './types';

/**
 * The agency electronic code (mã định danh điện tử của cơ quan, tổ chức) of QĐ 20/2020/QĐ-TTg as amended by
 * QĐ 09/2025/QĐ-TTg: a level-1 code `MX1X2` (a capital letter and two digits, e.g. `G09` for a ministry, `H41`
 * for a province), then lower levels appended as dot-separated groups (`G09.01`, `G09.01.02`, `H41.01.07`). The
 * per-level widths of the decision's text were not found (see docs/digitised-copy.md); groups of 2–3 capital
 * letters or digits are accepted, at most four levels in all.
 */
const AGENCY = /^[A-Z]\d{2}(?:\.[A-Z0-9]{2,3}){0,3}$/;
/** Kind abbreviation: uppercase ASCII (the guidance's `NĐ` is written `ND`, `CTr` as `CTR`). */
const KIND = /^[A-Z][A-Z0-9]{0,9}$/;
const CODE = /^(.+)_([^_]+)_(\d{6})_V(\d{1,3})$/;
/** The guidance gives DocCode as `String 30`. */
export const DOC_CODE_MAX_LENGTH = 30;
export const DOC_CODE_MAX_NUMBER = 999_999;
export const DOC_CODE_MAX_VERSION = 999;

type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

const fail = (message: string): { ok: false; diagnostics: Diagnostic[] } => ({
  ok: false,
  diagnostics: [createDiagnostic('ARCHIVE_DOCCODE_INVALID', 'error', message, { origin: 'archive' })],
});

/** Check an agency electronic code (`G09.01.02`, `H41.01`) without throwing. */
export function safeParseAgencyCode(text: unknown): Result<string> {
  if (typeof text !== 'string') return fail('The agency code is not a string.');
  const code = text.trim();
  if (!AGENCY.test(code))
    return fail(
      `The agency code \`${code.slice(0, 40)}\` does not have the QĐ 20/2020/QĐ-TTg shape: a capital letter and two digits (\`G09\`, \`H41\`), then up to three dot-separated groups of 2–3 capital letters or digits, e.g. \`G09.01.02\` or \`H41.01\`.`,
    );
  return { ok: true, value: code };
}

/** Check a document kind abbreviation (`GKS`, `CV`, `QD`) without throwing. */
export function safeParseKind(text: unknown): Result<string> {
  if (typeof text !== 'string') return fail('The kind abbreviation is not a string.');
  if (!KIND.test(text))
    return fail(
      `The kind abbreviation \`${text.slice(0, 20)}\` is not 1–10 uppercase ASCII letters or digits starting with a letter (e.g. \`GKS\`, \`CV\`; write \`NĐ\` as \`ND\`).`,
    );
  return { ok: true, value: text };
}

function checkParts(parts: DocCodeParts): Result<DocCodeParts> {
  if (typeof parts !== 'object' || parts === null) return fail('The DocCode parts are not an object.');
  const agency = safeParseAgencyCode(parts.agency);
  if (!agency.ok) return agency;
  const kind = safeParseKind(parts.kind);
  if (!kind.ok) return kind;
  if (!Number.isInteger(parts.number) || parts.number < 1 || parts.number > DOC_CODE_MAX_NUMBER)
    return fail(`The running number must be a whole number from 1 to ${DOC_CODE_MAX_NUMBER} (written with 6 digits).`);
  if (!Number.isInteger(parts.version) || parts.version < 1 || parts.version > DOC_CODE_MAX_VERSION)
    return fail(`The version must be a whole number from 1 (\`V1\`, the first scan) to ${DOC_CODE_MAX_VERSION}.`);
  const value = { agency: agency.value, kind: kind.value, number: parts.number, version: parts.version };
  const length = render(value).length;
  if (length > DOC_CODE_MAX_LENGTH)
    return fail(`The DocCode would be ${length} characters; the guidance allows ${DOC_CODE_MAX_LENGTH}.`);
  return { ok: true, value };
}

const render = (p: DocCodeParts) => `${p.agency}_${p.kind}_${String(p.number).padStart(6, '0')}_V${p.version}`;

/**
 * The DocCode `MCQ_LV_STT_PB` for its parts, e.g. `G09.01.02_GKS_000021_V1`; throws `ARCHIVE_DOCCODE_INVALID`
 * when a part is out of shape.
 */
export function formatDocCode(parts: DocCodeParts): string {
  const checked = checkParts(parts);
  if (!checked.ok)
    throw new SohoaError('ARCHIVE_DOCCODE_INVALID', checked.diagnostics[0]!.message, {
      diagnostics: checked.diagnostics,
    });
  return render(checked.value);
}

/** Parse a DocCode without throwing. */
export function safeParseDocCode(text: unknown): Result<DocCodeParts> {
  if (typeof text !== 'string') return fail('The DocCode is not a string.');
  const m = CODE.exec(text.trim());
  if (!m)
    return fail(
      'The DocCode does not have the shape `MCQ_LV_STT_PB` (agency code, kind abbreviation, 6-digit running number, version), e.g. `G09.01.02_GKS_000021_V1`.',
    );
  const [, agency, kind, number, version] = m as unknown as [string, string, string, string, string];
  if (version.startsWith('0')) return fail('The version of a DocCode is written without leading zeros (`V1`, `V2`).');
  return checkParts({ agency, kind, number: Number(number), version: Number(version) });
}

/** Parse a DocCode (`G09.01.02_GKS_000021_V1`); throws `ARCHIVE_DOCCODE_INVALID` with the reason. */
export function parseDocCode(text: string): DocCodeParts {
  const result = safeParseDocCode(text);
  if (!result.ok)
    throw new SohoaError('ARCHIVE_DOCCODE_INVALID', result.diagnostics[0]!.message, {
      diagnostics: result.diagnostics,
    });
  return result.value;
}

/** Validate an agency code; throws `ARCHIVE_DOCCODE_INVALID`. Returns it trimmed. */
export function assertAgencyCode(text: string): string {
  const result = safeParseAgencyCode(text);
  if (!result.ok)
    throw new SohoaError('ARCHIVE_DOCCODE_INVALID', result.diagnostics[0]!.message, {
      diagnostics: result.diagnostics,
    });
  return result.value;
}

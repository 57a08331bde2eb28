import { createDiagnostic, type Diagnostic, type DiagnosticCode } from '@sohoa/core';

/** A diagnostic of `@sohoa/vn` (origin `vn`); only `VN_` codes. */
export function vnDiagnostic(
  code: Extract<DiagnosticCode, `VN_${string}`>,
  severity: Diagnostic['severity'],
  message: string,
): Diagnostic {
  return createDiagnostic(code, severity, message, { origin: 'vn' });
}

import type { DiagnosticCode } from './codes';
import type { Diagnostic, Severity } from './types';

/** Build a diagnostic; a small helper so stages write one line per problem. */
export function createDiagnostic(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  extra: Omit<Diagnostic, 'code' | 'severity' | 'message'> = {},
): Diagnostic {
  return { code, severity, message, ...extra };
}

/** True when any diagnostic has severity `error`. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

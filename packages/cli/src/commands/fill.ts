import { writePrivateFile } from '@sohoa/core';
import { fillForm, loadFormSchema, type FilledForm, type FormFormat } from '@sohoa/eform';
import type { Vault } from '@sohoa/vault';
import { UsageError } from '../errors';
import { withVault } from '../context';

export interface FillCommandOptions {
  vault?: string;
  subject?: string;
  json?: boolean;
  pdf?: string;
  xml?: string;
  purpose?: string;
  /** The subject's role on the form, e.g. `mother`: that role's fields are filled from the subject's own facts. */
  as?: string;
  /** How the form is written; detected from the content when absent. */
  format?: FormFormat;
}

/** The `--json` shape of a filled form, stable since the foundation issue. */
export function toJsonFill(filled: FilledForm) {
  return {
    data: filled.data,
    fields: filled.fields.map((f) => ({
      pointer: f.pointer,
      key: f.key ?? null,
      status: f.status,
      value: f.value ?? null,
      source: f.source ?? null,
      reason: f.reason ?? null,
    })),
    coverage: filled.coverage,
    diagnostics: filled.diagnostics,
  };
}

/** Fills one form for one subject from an open vault. */
export async function fillOne(
  vault: Vault,
  schemaPath: string,
  subject: string,
  options: { purpose?: string; as?: string; format?: FormFormat } = {},
) {
  const schema = await loadFormSchema(schemaPath, options.format ? { format: options.format } : {});
  const profile = await vault.profile(subject, {
    purpose: options.purpose ?? 'fill-form',
    form: String(schema.$id ?? schemaPath),
  });
  return { schema, filled: fillForm(schema, profile, options.as ? { roleMap: { [options.as]: 'self' } } : {}) };
}

export { FORM_FORMATS, FORM_ROLES, parseFormFormat } from '../roles';

function write(path: string, bytes: Uint8Array | string): void {
  writePrivateFile(path, bytes);
}

export async function runFill(schemaPath: string, options: FillCommandOptions): Promise<number> {
  if (!options.subject) throw new UsageError('missing required option `--subject <id>`');
  const subject = options.subject;
  return withVault(options.vault, async (vault) => {
    const { schema, filled } = await fillOne(vault, schemaPath, subject, {
      ...(options.purpose ? { purpose: options.purpose } : {}),
      ...(options.as ? { as: options.as } : {}),
      ...(options.format ? { format: options.format } : {}),
    });
    // pdf-lib and the XML writer load only when asked for: a plain fill starts fast (no static import of
    // @sohoa/render here, not even for a constant: importing it loads pdf-lib and fontkit, ~0.4 s).
    const render = options.pdf || options.xml ? await import('@sohoa/render') : undefined;
    if (options.pdf) write(options.pdf, await render!.renderPdf(filled, schema));
    if (options.xml)
      write(options.xml, render!.renderXml(filled, schema, { namespace: render!.FORM_XML_NAMESPACE, isoDates: true }));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(toJsonFill(filled), null, 2)}\n`);
    } else {
      for (const f of filled.fields) {
        const shown =
          f.status === 'filled' || f.status === 'needs-review' ? JSON.stringify(f.value) : `(${f.reason ?? 'empty'})`;
        process.stdout.write(`${f.status.padEnd(12)} ${f.pointer}  ${shown}\n`);
      }
      const c = filled.coverage;
      process.stdout.write(`coverage: ${c.filled}/${c.total} = ${(c.ratio * 100).toFixed(1)}%\n`);
    }
    return 0;
  });
}

import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import { bindForm } from './bind';
import { compileLeafCheck, draftOf } from './internal/ajv';
import type { LeafCheck } from './internal/leaf-check';
import { setAtPointer } from './internal/pointer';
import { resolveKey, type ResolvedValue } from './internal/resolve';
import { toFieldValue } from './internal/transform';
import { addressKeyOf, addressLooksCut, isImplied, looksCut } from './internal/trust';
import { listLeaves } from './internal/walk';
import type { FilledField, FilledForm, FillOptions, FillProfile, FormBinding, FormSchema } from './types';
import { getKeyInfo, keyWithRole, vocabulary } from './vocabulary';

const ROLE_KEY = /^person\.([a-zA-Z]+)\.(.+)$/;

/**
 * The profile keys a form key reads, in order: `roleMap` first, then the role's default (a grantor is the
 * requester; `father|mother` tries the father, then the mother).
 */
function mapRole(key: string, roleMap: Record<string, string> | undefined): string[] {
  const match = ROLE_KEY.exec(key);
  if (!match) return [key];
  const target = roleMap?.[match[1]!] ?? vocabulary.roles[match[1]!]?.default;
  return target !== undefined ? target.split('|').map((role) => keyWithRole(`person.${match[2]}`, role)) : [key];
}

/**
 * Why a found value may not fill even for review: implied rather than read, or cut short (the value itself,
 * or the whole address or name a part is taken from).
 */
function distrustOf(
  key: string,
  found: ResolvedValue,
  profile: FillProfile,
  now: Date,
  options: FillOptions,
): 'implied-value' | 'looks-truncated' | undefined {
  if (isImplied(found.source)) return 'implied-value';
  const addressKey = key === 'form.signingPlace' ? 'person.residence' : addressKeyOf(key);
  if (addressKey !== undefined) {
    const address =
      addressKey === key
        ? found
        : mapRole(addressKey, options.roleMap)
            .map((k) => resolveKey(k, profile, now, 0, options.gazetteer))
            .find(Boolean);
    if (address && isImplied(address.source)) return 'implied-value';
    if (address && typeof address.value === 'string' && addressLooksCut(address.value)) return 'looks-truncated';
  }
  const name = NAME_PART.exec(key);
  if (name) {
    const full = mapRole(`${name[1]}.fullName`, options.roleMap)
      .map((k) => resolveKey(k, profile, now, 0))
      .find(Boolean);
    if (full && typeof full.value === 'string' && looksCut(full.value)) return 'looks-truncated';
  }
  if (typeof found.value === 'string' && getKeyInfo(key)?.type !== 'date' && looksCut(found.value))
    return 'looks-truncated';
  return undefined;
}

const NAME_PART = /^(.+)\.(fullName|familyName|middleName|givenName|middleAndGivenName|fullNameUpper)$/;

const bindings = new WeakMap<FormSchema, FormBinding>();

/** Binding depends only on the schema object: bind each schema once. */
function cachedBinding(schema: FormSchema): FormBinding {
  let binding = bindings.get(schema);
  if (!binding) bindings.set(schema, (binding = bindForm(schema)));
  return binding;
}

/** Default minimum confidence by criticality. */
export const DEFAULT_MIN_CONFIDENCE = { high: 0.9, normal: 0.7 } as const;

const leafValidators = new WeakMap<FormSchema, Map<string, LeafCheck | null>>();

function leafValidator(schema: FormSchema, schemaPointer: string, node: FormSchema): LeafCheck | null {
  let cache = leafValidators.get(schema);
  if (!cache) leafValidators.set(schema, (cache = new Map()));
  if (!cache.has(schemaPointer)) {
    let validate: LeafCheck | null = null;
    try {
      const { $schema: _s, $id: _i, ...own } = node;
      validate = compileLeafCheck(own, draftOf(schema) ?? '2020-12');
    } catch {
      validate = null; // a leaf that cannot compile alone (nested refs) is checked by validateForm instead
    }
    cache.set(schemaPointer, validate);
  }
  return cache.get(schemaPointer) ?? null;
}

/**
 * Fill a form from a profile. Each leaf field is `filled` (value in `data`), `needs-review` (value
 * offered in `fields` but not in `data`: confidence below the key's threshold — high-criticality keys
 * need 0.9, others 0.7 — or an expired source) or `empty` (no binding, no data, or a value the field's
 * own schema rejects). `coverage.ratio` is filled / leaf fields. Diagnostics never carry values.
 *
 * @example
 * const filled = fillForm(schema, await vault.profile(id, { purpose: 'dang-ky-khai-sinh' }));
 * filled.coverage.ratio; // 0.62
 */
export function fillForm(schema: FormSchema, profile: FillProfile, options: FillOptions = {}): FilledForm {
  const now = options.now ?? new Date();
  const binding =
    options.binding ??
    (options.limits ? bindForm(schema, undefined, { limits: options.limits }) : cachedBinding(schema));
  const leaves = new Map(listLeaves(schema, options.limits).map((leaf) => [leaf.pointer, leaf]));
  const data: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [...binding.diagnostics];
  const fields: FilledField[] = [];

  for (const bound of binding.fields) {
    const leaf = leaves.get(bound.pointer);
    if (!bound.key || !leaf) {
      fields.push({ pointer: bound.pointer, status: 'empty', reason: 'no-binding' });
      continue;
    }
    const key = bound.key;
    let found: ReturnType<typeof resolveKey>;
    for (const candidate of mapRole(key, options.roleMap))
      if ((found = resolveKey(candidate, profile, now, 0, options.gazetteer))) break;
    if (!found) {
      fields.push({ pointer: bound.pointer, key, status: 'empty', reason: 'no-data' });
      continue;
    }
    if (found.split) {
      fields.push({
        pointer: bound.pointer,
        key,
        status: 'needs-review',
        source: found.source,
        reason: 'address-unit-split',
        candidates: found.split,
      });
      diagnostics.push(
        createDiagnostic(
          'EFORM_FIELD_NEEDS_REVIEW',
          'warning',
          `Field \`${bound.pointer}\` (\`${key}\`): the old commune of the address was split between ${found.split.length} current communes; the user must choose one.`,
          {
            origin: 'eform',
            pointer: bound.pointer,
            key,
          },
        ),
      );
      continue;
    }
    const distrust = distrustOf(key, found, profile, now, options);
    if (distrust) {
      fields.push({ pointer: bound.pointer, key, status: 'empty', reason: distrust, source: found.source });
      diagnostics.push(
        createDiagnostic(
          'EFORM_VALUE_UNTRUSTED',
          'warning',
          distrust === 'implied-value'
            ? `Field \`${bound.pointer}\` (\`${key}\`): the document's value was implied by the extractor, not read; the field is left empty for the user.`
            : `Field \`${bound.pointer}\` (\`${key}\`): the document's value looks cut short; the field is left empty for the user.`,
          { origin: 'eform', pointer: bound.pointer, key },
        ),
      );
      continue;
    }
    const entry = getKeyInfo(key);
    const value = toFieldValue(found.value, leaf.node, entry);
    const validate = leafValidator(schema, bound.schemaPointer, leaf.node);
    if (value === undefined || (validate !== null && !validate(value))) {
      fields.push({ pointer: bound.pointer, key, status: 'empty', reason: 'invalid-for-field', source: found.source });
      diagnostics.push(
        createDiagnostic(
          'EFORM_VALUE_INVALID_FOR_FIELD',
          'warning',
          `The vault value of \`${key}\` does not fit field \`${bound.pointer}\` (type, enum, pattern or length); the field is left empty for the user.`,
          {
            origin: 'eform',
            pointer: bound.pointer,
            key,
          },
        ),
      );
      continue;
    }
    const threshold = options.minConfidence?.[key] ?? DEFAULT_MIN_CONFIDENCE[entry?.criticality ?? 'normal'];
    const reason = found.expired
      ? 'expired-source'
      : found.source.confidence < threshold
        ? 'low-confidence'
        : undefined;
    if (reason) {
      fields.push({ pointer: bound.pointer, key, status: 'needs-review', value, source: found.source, reason });
      diagnostics.push(
        createDiagnostic(
          'EFORM_FIELD_NEEDS_REVIEW',
          'warning',
          reason === 'expired-source'
            ? `Field \`${bound.pointer}\` (\`${key}\`) would come from an expired document; the user must confirm it.`
            : `Field \`${bound.pointer}\` (\`${key}\`) has confidence ${found.source.confidence} below ${threshold}; the user must confirm it.`,
          { origin: 'eform', pointer: bound.pointer, key },
        ),
      );
      continue;
    }
    setAtPointer(data, bound.pointer, value);
    fields.push({ pointer: bound.pointer, key, status: 'filled', value, source: found.source });
  }

  const total = fields.length;
  const filled = fields.filter((f) => f.status === 'filled').length;
  const needsReview = fields.filter((f) => f.status === 'needs-review').length;
  return {
    data,
    fields,
    coverage: {
      total,
      filled,
      needsReview,
      empty: total - filled - needsReview,
      ratio: total === 0 ? 0 : filled / total,
    },
    diagnostics,
  };
}

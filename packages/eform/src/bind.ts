import { createDiagnostic, type Diagnostic } from '@sohoa/core';
import { autocompleteToken, inferKey, INFERENCE_THRESHOLD } from './internal/infer';
import { listLeaves } from './internal/walk';
import type { FieldBinding, FormBinding, FormSchema, Vocabulary } from './types';
import { getKeyInfo, keyWithRole, vocabulary as defaultVocabulary } from './vocabulary';

/**
 * Bind every leaf field of a form schema to a semantic key: the `x-sohoa-key` annotation first
 * (`false` means "never fill"), then an `autocomplete` token, then inference from the title, the
 * property name and the enclosing objects' titles (which give the role: mẹ, cha, người yêu cầu...).
 * Inference below 0.8 confidence is reported with candidates and not used.
 *
 * @example
 * const { fields } = bindForm(schema); // [{ pointer: '/nguoiYeuCau/hoTen', key: 'person.fullName', via: 'annotation', ... }]
 */
export function bindForm(schema: FormSchema, vocabulary: Vocabulary = defaultVocabulary): FormBinding {
  const autocomplete = new Map<string, string>();
  for (const entry of Object.values(vocabulary.keys)) {
    if (entry.autocomplete && !entry.role) autocomplete.set(entry.autocomplete, entry.key);
  }
  const diagnostics: Diagnostic[] = [];
  const fields = listLeaves(schema).map((leaf): FieldBinding => {
    const title = typeof leaf.node.title === 'string' ? leaf.node.title : leaf.name;
    const base = { pointer: leaf.pointer, schemaPointer: leaf.schemaPointer, title };
    const annotated = leaf.node['x-sohoa-key'];
    if (annotated === false) return { ...base, via: 'none', confidence: 1 };
    if (typeof annotated === 'string' && annotated !== '') {
      if (!getKeyInfo(annotated)) {
        diagnostics.push(
          createDiagnostic('EFORM_UNKNOWN_KEY', 'warning', `\`x-sohoa-key\` names \`${annotated}\`, which is not in the vocabulary; check the spelling or add it to schemas/vocab/keys.json.`, {
            origin: 'eform',
            pointer: leaf.pointer,
            key: annotated,
          }),
        );
      }
      return { ...base, key: annotated, via: 'annotation', confidence: 1 };
    }
    const token = autocompleteToken(leaf.node);
    const fromToken = token === undefined ? undefined : autocomplete.get(token);
    if (fromToken) {
      const role = inferKey(leaf, vocabulary).role;
      return { ...base, key: keyWithRole(fromToken, role), via: 'autocomplete', confidence: 0.95 };
    }
    const inferred = inferKey(leaf, vocabulary);
    if (inferred.key && inferred.confidence >= INFERENCE_THRESHOLD) {
      return { ...base, key: keyWithRole(inferred.key, inferred.role), via: 'inference', confidence: inferred.confidence };
    }
    const candidates = inferred.candidates.map((c) => ({ key: keyWithRole(c.key, inferred.role), confidence: c.confidence }));
    if (candidates.length > 0) {
      diagnostics.push(
        createDiagnostic(
          'EFORM_BINDING_UNCERTAIN',
          'info',
          `Field \`${leaf.pointer}\` may be ${candidates.map((c) => `\`${c.key}\` (${c.confidence})`).join(', ')}; below ${INFERENCE_THRESHOLD}, so it is not filled. Add an \`x-sohoa-key\` annotation to bind it.`,
          { origin: 'eform', pointer: leaf.pointer },
        ),
      );
    }
    return { ...base, via: 'none', confidence: inferred.confidence, ...(candidates.length > 0 && { candidates }) };
  });
  return { fields, diagnostics };
}

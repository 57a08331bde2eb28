// Converts a JSON Schema form (2020-12, as test/eval/forms/tagged-to-schema.mjs writes them) into the three
// other ways portals write the same form, so an eval can score every form in four formats:
// - draft-07: `$defs` → `definitions`, `dependentSchemas` → `dependencies`, `$schema` draft-07;
// - Form.io: every top-level group of fields is a `panel` (layout, titled, data not nested), groups below it
//   and split dates (day/month/year groups) anywhere are `container`s; enums are `select`s;
//   `pattern` becomes Form.io's anchored `validate.pattern`; `required` is `validate.required`;
// - SurveyJS: every top-level group is a `panel` (titled, data not nested); a split date anywhere, and a
//   group of plain fields inside a panel, is a `multipletext`; enums are `dropdown`s; `pattern` is a `regex` validator.
// Question keys stay the JSON Schema property names, prefixed by their panel's name where a panel is
// flattened, so names stay unique. Values are compared by semantic key, not by pointer.

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/** Rewrite every `#/$defs/` reference to `#/definitions/`. */
function retarget(node) {
  if (Array.isArray(node)) return node.map(retarget);
  if (typeof node !== 'object' || node === null) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/\$defs\//, '#/definitions/');
    else if (key === 'dependentSchemas') out.dependencies = retarget(value);
    else if (key === '$defs') out.definitions = retarget(value);
    else out[key] = retarget(value);
  }
  return out;
}

export function toDraft07(schema) {
  const out = retarget(clone(schema));
  out.$schema = DRAFT_07;
  return out;
}

function resolve(root, node, depth = 0) {
  if (typeof node?.$ref !== 'string' || !node.$ref.startsWith('#/') || depth > 32) return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce((n, s) => n?.[s.replace(/~1/g, '/').replace(/~0/g, '~')], root);
  const { $ref: _ref, ...own } = node;
  return { ...resolve(root, target ?? {}, depth + 1), ...own };
}

const isGroup = (node) => typeof node?.properties === 'object' && node.properties !== null;
const DATE_PART = /^(ngay|ngày|thang|tháng|nam|năm|day|month|year)$/i;
/** A split date (a group of day / month / year fields): portals draw it as one widget, nested in the data. */
const isDateGroup = (root, node) =>
  isGroup(node) &&
  Object.entries(node.properties).every(
    ([k, v]) =>
      !isGroup(resolve(root, v)) && (DATE_PART.test(k) || DATE_PART.test(String(resolve(root, v).title ?? '').trim())),
  );
/** JSON Schema's unanchored `pattern` as the whole-value pattern Form.io wants. */
const anchored = (pattern) =>
  pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$')
    ? pattern.slice(1, -1)
    : `[\\s\\S]*(?:${pattern})[\\s\\S]*`;

function formioLeaf(key, node, required) {
  const validate = {};
  if (required) validate.required = true;
  if (typeof node.pattern === 'string') validate.pattern = anchored(node.pattern);
  if (typeof node.maxLength === 'number') validate.maxLength = node.maxLength;
  if (typeof node.minLength === 'number') validate.minLength = node.minLength;
  // A field printed without a label has none in Form.io either (inventing one from the key would give the
  // binder a label the form never had: "o12" is not the blank before "…, ngày … tháng … năm …").
  const base = {
    key,
    ...(node.title !== undefined && { label: node.title }),
    input: true,
    ...(Object.keys(validate).length > 0 && { validate }),
  };
  if (node.description) base.description = node.description;
  if (node['x-sohoa-key'] !== undefined) base.properties = { 'x-sohoa-key': String(node['x-sohoa-key']) };
  if (typeof node.autocomplete === 'string') base.autocomplete = node.autocomplete;
  if (Array.isArray(node.enum))
    return { ...base, type: 'select', data: { values: node.enum.map((v) => ({ label: String(v), value: v })) } };
  if (node.type === 'integer' || node.type === 'number')
    return { ...base, type: 'number', ...(node.type === 'integer' && { validate: { ...validate, integer: true } }) };
  if (node.type === 'boolean') return { ...base, type: 'checkbox' };
  if (node.type === 'array') return { ...base, type: 'textfield', multiple: true };
  if (node.format === 'email') return { ...base, type: 'email' };
  if (node.format === 'date') return { ...base, type: 'datetime', enableTime: false };
  return { ...base, type: 'textfield' };
}

function formioComponents(root, group, depth) {
  const required = new Set(group.required ?? []);
  return Object.entries(group.properties).map(([key, raw]) => {
    const node = resolve(root, raw);
    if (!isGroup(node)) return formioLeaf(key, node, required.has(key));
    const components = formioComponents(root, node, depth + 1);
    // A top-level group is a titled panel: layout only, its fields keep their own keys at the top.
    if (depth === 0 && !isDateGroup(root, node))
      return {
        type: 'panel',
        key: `panel_${key}`,
        ...(node.title !== undefined && { title: node.title }),
        input: false,
        components: prefix(components, key),
      };
    return { type: 'container', key, ...(node.title !== undefined && { label: node.title }), input: true, components };
  });
}

/** Panels flatten the data: keep keys unique by prefixing them with the panel's name. */
function prefix(components, name) {
  return components.map((c) => ({ ...c, key: `${name}_${c.key}` }));
}

export function toFormio(schema) {
  const root = resolve(schema, schema);
  return {
    title: schema.title ?? 'form',
    display: 'form',
    type: 'form',
    components: formioComponents(schema, root, 0),
  };
}

function surveyQuestion(name, node, required) {
  const validators = [];
  if (typeof node.pattern === 'string') validators.push({ type: 'regex', regex: node.pattern });
  if (typeof node.maxLength === 'number' || typeof node.minLength === 'number')
    validators.push({
      type: 'text',
      ...(node.minLength && { minLength: node.minLength }),
      ...(node.maxLength && { maxLength: node.maxLength }),
    });
  if (node.format === 'email') validators.push({ type: 'email' });
  const base = {
    name,
    ...(node.title !== undefined && { title: node.title }),
    ...(required && { isRequired: true }),
    ...(validators.length > 0 && { validators }),
  };
  if (node.description) base.description = node.description;
  if (node['x-sohoa-key'] !== undefined) base['x-sohoa-key'] = node['x-sohoa-key'];
  if (typeof node.autocomplete === 'string') base.autocomplete = node.autocomplete;
  if (Array.isArray(node.enum)) return { ...base, type: 'dropdown', choices: node.enum };
  if (node.type === 'integer' || node.type === 'number') return { ...base, type: 'text', inputType: 'number' };
  if (node.type === 'boolean') return { ...base, type: 'boolean' };
  if (node.type === 'array') return { ...base, type: 'tagbox', choices: [] };
  if (node.format === 'date') return { ...base, type: 'text', inputType: 'date' };
  return { ...base, type: 'text' };
}

function surveyElements(root, group, depth, names) {
  const required = new Set(group.required ?? []);
  return Object.entries(group.properties).map(([key, raw]) => {
    const node = resolve(root, raw);
    const name = names(key);
    if (!isGroup(node)) return surveyQuestion(name, node, required.has(key));
    const children = Object.entries(node.properties).map(([k, v]) => [k, resolve(root, v)]);
    // A split date, or a group of plain fields inside a panel, nests its data: a multiple-text question.
    if (isDateGroup(root, node) || (depth > 0 && children.every(([, v]) => !isGroup(v)))) {
      const inner = new Set(node.required ?? []);
      return {
        type: 'multipletext',
        name,
        ...(node.title !== undefined && { title: node.title }),
        items: children.map(([k, v]) => ({
          name: k,
          ...(v.title !== undefined && { title: v.title }),
          ...(inner.has(k) && { isRequired: true }),
          ...(v.format === 'date' && { inputType: 'date' }),
        })),
      };
    }
    return {
      type: 'panel',
      name: `panel_${name}`,
      ...(node.title !== undefined && { title: node.title }),
      elements: surveyElements(root, node, depth + 1, (k) => `${name}_${k}`),
    };
  });
}

export function toSurveyJs(schema) {
  const root = resolve(schema, schema);
  return {
    title: schema.title ?? 'form',
    pages: [{ name: 'page1', elements: surveyElements(schema, root, 0, (k) => k) }],
  };
}

/** The form in the four formats the evals score. */
export function allFormats(schema) {
  return {
    'draft-2020-12': schema,
    'draft-07': toDraft07(schema),
    formio: toFormio(schema),
    surveyjs: toSurveyJs(schema),
  };
}

const escapeKey = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function formioPointers(root, group, depth, base, source, out, keyPrefix) {
  for (const [key, raw] of Object.entries(group.properties)) {
    const node = resolve(root, raw);
    const from = `${source}/${escapeKey(key)}`;
    const name = `${keyPrefix}${key}`;
    if (!isGroup(node)) out.set(from, `${base}/${escapeKey(name)}`);
    else if (depth === 0 && !isDateGroup(root, node)) formioPointers(root, node, depth + 1, base, from, out, `${key}_`);
    else formioPointers(root, node, depth + 1, `${base}/${escapeKey(name)}`, from, out, '');
  }
}

function surveyPointers(root, group, depth, names, source, out) {
  for (const [key, raw] of Object.entries(group.properties)) {
    const node = resolve(root, raw);
    const from = `${source}/${escapeKey(key)}`;
    const name = names(key);
    if (!isGroup(node)) {
      out.set(from, `/${escapeKey(name)}`);
      continue;
    }
    const children = Object.entries(node.properties).map(([k, v]) => [k, resolve(root, v)]);
    if (isDateGroup(root, node) || (depth > 0 && children.every(([, v]) => !isGroup(v))))
      for (const [k] of children) out.set(`${from}/${escapeKey(k)}`, `/${escapeKey(name)}/${escapeKey(k)}`);
    else surveyPointers(root, node, depth + 1, (k) => `${name}_${k}`, from, out);
  }
}

/**
 * Where each field of the JSON Schema form (by its data pointer) lands in the converted form's data, so an
 * eval can score the converted form against the same answers: identity for the drafts; panels flatten
 * (prefixed keys) and containers / multiple-text questions nest, exactly as the converters above write them.
 */
export function pointerMaps(schema) {
  const root = resolve(schema, schema);
  const formio = new Map();
  const surveyjs = new Map();
  formioPointers(schema, root, 0, '', '', formio, '');
  surveyPointers(schema, root, 0, (k) => k, '', surveyjs);
  return { 'draft-2020-12': undefined, 'draft-07': undefined, formio, surveyjs };
}

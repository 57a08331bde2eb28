import { XMLBuilder } from 'fast-xml-parser';
import { stripDiacritics } from '@sohoa/vn';
import { listItems, propertiesOf, resolveLocal, valueAt } from './internal/schema-walk';
import type { RenderableForm, RenderSchema, RenderXmlOptions } from './types';

const ascii = stripDiacritics;

/** A valid XML element name from a property name. */
export function toXmlName(name: string): string {
  let safe = ascii(name).replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z_]/.test(safe) || /^xml/i.test(safe)) safe = `_${safe}`;
  return safe;
}

/** `TỜ KHAI ĐĂNG KÝ KHAI SINH` → `ToKhaiDangKyKhaiSinh`. */
function nameFromTitle(title: string): string {
  const words = ascii(title)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return toXmlName(words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Form');
}

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: unknown): string {
  return String(value).replace(INVALID_XML_CHARS, '');
}

/** The XML namespace of filled forms as `sohoa fill --xml` writes them; each form's XSD is `renderXsd(schema)`. */
export const FORM_XML_NAMESPACE = 'https://sohoa.dev/ns/form/1';

/** A leaf printed as a date: `format: date`, or an `x-sohoa-format` with a day, month or year pattern. */
function isDateLeaf(node: RenderSchema): boolean {
  const display = node['x-sohoa-format'];
  return node.format === 'date' || (typeof display === 'string' && /dd|mm|yyyy/i.test(display));
}

/** `14/07/1999` → `1999-07-14`, `07/1999` → `1999-07`; an ISO value or anything else unchanged. */
export function isoDateOf(text: string): string {
  const full = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (full) return `${full[3]}-${full[2]!.padStart(2, '0')}-${full[1]!.padStart(2, '0')}`;
  const month = /^(\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (month) return `${month[2]}-${month[1]!.padStart(2, '0')}`;
  return text;
}

function build(
  root: RenderSchema,
  node: RenderSchema,
  data: unknown,
  includeEmpty: boolean,
  isoDates = false,
): unknown {
  const props = propertiesOf(node);
  if (props) {
    const out: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(props)) {
      if (typeof raw !== 'object' || raw === null) continue;
      const value = build(
        root,
        resolveLocal(root, raw),
        valueAt(data, `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`),
        includeEmpty,
        isoDates,
      );
      if (value !== undefined) out[toXmlName(name)] = value;
    }
    return Object.keys(out).length > 0 || includeEmpty ? out : undefined;
  }
  if (Array.isArray(data)) {
    const items =
      typeof node.items === 'object' && node.items !== null ? resolveLocal(root, node.items as RenderSchema) : {};
    const xml = items['x-sohoa-xml'] as { name?: unknown } | undefined;
    const itemName = toXmlName(typeof xml?.name === 'string' ? xml.name : 'item');
    const rows = data.map((row) => build(root, items, row, includeEmpty, isoDates)).filter((r) => r !== undefined);
    return rows.length > 0 ? { [itemName]: rows } : includeEmpty ? '' : undefined;
  }
  if (data === undefined || data === null || data === '') return includeEmpty ? '' : undefined;
  if (typeof data === 'object') return includeEmpty ? '' : undefined;
  return isoDates && typeof data === 'string' && isDateLeaf(node) ? text(isoDateOf(data)) : text(data);
}

/**
 * The root element's name: `options.root`, else the schema's `x-sohoa-xml.root`, else a name made from its title.
 */
export function xmlRootName(schema: RenderSchema, root?: string): string {
  const configured = (schema['x-sohoa-xml'] as { root?: unknown } | undefined)?.root;
  return toXmlName(
    root ??
      (typeof configured === 'string'
        ? configured
        : typeof schema.title === 'string'
          ? nameFromTitle(schema.title)
          : 'Form'),
  );
}

/**
 * Render form data as XML: the root element from the schema's `x-sohoa-xml.root` (or a name made
 * from its title), one element per property in schema order, array rows as `item` elements; text is
 * escaped and characters XML 1.0 forbids are dropped. With `namespace` the root declares it as the default
 * namespace; with `isoDates` date fields are written `YYYY-MM-DD` (`YYYY-MM` for a month) instead of as printed.
 * `renderXsd` gives the XML Schema of the same output.
 *
 * @example
 * renderXml(filled, schema); // '<?xml version="1.0" encoding="UTF-8"?>\n<ToKhaiDangKyKhaiSinh>...'
 */
export function renderXml(filled: RenderableForm, schema: RenderSchema, options: RenderXmlOptions = {}): string {
  // The elements follow the schema: refuse one that expands past the limits before building any.
  listItems(schema, options.limits);
  const root = xmlRootName(schema, options.root);
  const body = build(schema, schema, filled.data, options.includeEmpty ?? true, options.isoDates ?? false) ?? '';
  const builder = new XMLBuilder({
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
  });
  const withNamespace = options.namespace
    ? { '@_xmlns': options.namespace, ...(typeof body === 'object' ? body : {}) }
    : body;
  const xml = builder.build({ [root]: withNamespace }) as string;
  return (options.declaration ?? true) ? `<?xml version="1.0" encoding="UTF-8"?>\n${xml}` : xml;
}

import { listItems, propertiesOf, resolveLocal } from './internal/schema-walk';
import type { RenderSchema, RenderXsdOptions } from './types';
import { FORM_XML_NAMESPACE, toXmlName, xmlRootName } from './xml';

const MAX_DEPTH = 32;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeComment = (text: string) => text.replace(/--/g, '- -');

/** A leaf's XSD type: empty elements are valid everywhere (`renderXml` writes `<x/>` for a field without a value). */
function leafType(node: RenderSchema): string {
  const display = node['x-sohoa-format'];
  if (node.format === 'date' || (typeof display === 'string' && /dd|mm|yyyy/i.test(display))) return 'isoDate';
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'integer') return 'integerOrEmpty';
  if (type === 'number') return 'decimalOrEmpty';
  if (type === 'boolean') return 'booleanOrEmpty';
  return 'xs:string';
}

function element(
  root: RenderSchema,
  name: string,
  node: RenderSchema,
  indent: string,
  depth: number,
  occurs = ' minOccurs="0"',
): string {
  const open = `${indent}<xs:element name="${escapeAttribute(toXmlName(name))}"${occurs}`;
  if (depth > MAX_DEPTH) return `${open}/>`;
  const props = propertiesOf(node);
  if (props) {
    const children = Object.entries(props)
      .filter((entry): entry is [string, RenderSchema] => typeof entry[1] === 'object' && entry[1] !== null)
      .map(([child, raw]) => element(root, child, resolveLocal(root, raw), `${indent}      `, depth + 1));
    return [
      `${open}>`,
      `${indent}  <xs:complexType>`,
      `${indent}    <xs:sequence>`,
      ...children,
      `${indent}    </xs:sequence>`,
      `${indent}  </xs:complexType>`,
      `${indent}</xs:element>`,
    ].join('\n');
  }
  if (node.type === 'array') {
    const items =
      typeof node.items === 'object' && node.items !== null ? resolveLocal(root, node.items as RenderSchema) : {};
    const xml = items['x-sohoa-xml'] as { name?: unknown } | undefined;
    const row = element(
      root,
      typeof xml?.name === 'string' ? xml.name : 'item',
      items,
      `${indent}      `,
      depth + 1,
      ' minOccurs="0" maxOccurs="unbounded"',
    );
    return [
      `${open}>`,
      `${indent}  <xs:complexType>`,
      `${indent}    <xs:sequence>`,
      row,
      `${indent}    </xs:sequence>`,
      `${indent}  </xs:complexType>`,
      `${indent}</xs:element>`,
    ].join('\n');
  }
  return `${open} type="${leafType(node)}"/>`;
}

/**
 * The XML Schema (XSD 1.0) of what `renderXml(filled, schema, { namespace, isoDates: true })` writes for this
 * form: one element per property in schema order (each optional), array rows, dates as `xs:date` (or
 * `xs:gYearMonth`), numbers and booleans typed, and empty elements allowed for fields without a value.
 *
 * @example
 * await writeFile('ct01.xsd', renderXsd(schema)); // then: xmllint --schema ct01.xsd filled.xml
 */
export function renderXsd(schema: RenderSchema, options: RenderXsdOptions = {}): string {
  listItems(schema, options.limits);
  const namespace = options.namespace ?? FORM_XML_NAMESPACE;
  const ns = escapeAttribute(namespace);
  const either = (name: string, members: string) =>
    `  <xs:simpleType name="${name}">\n    <xs:union memberTypes="${members} empty"/>\n  </xs:simpleType>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(options.banner ? [`<!-- ${escapeComment(options.banner)} -->`] : []),
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ns}" xmlns="${ns}" elementFormDefault="qualified">`,
    '  <xs:simpleType name="empty">\n    <xs:restriction base="xs:string">\n      <xs:length value="0"/>\n    </xs:restriction>\n  </xs:simpleType>',
    either('isoDate', 'xs:date xs:gYearMonth xs:gYear'),
    either('integerOrEmpty', 'xs:integer'),
    either('decimalOrEmpty', 'xs:decimal'),
    either('booleanOrEmpty', 'xs:boolean'),
    element(schema, xmlRootName(schema, options.root), schema, '  ', 0, ''),
    '</xs:schema>',
    '',
  ].join('\n');
}

// The XMP packet of a copy (PDF/A identification, Dublin Core, XMP basic, PDF, media management and the guidance's
// fields in a custom namespace described by a PDF/A extension schema), and a small reader for the verifier.

import { COPY_FIELDS, COPY_NS, COPY_PREFIX } from './fields';
import type { CopyMetadata } from '../types';

/** The standard values a copy carries both in XMP and in the document information dictionary. */
export interface StandardInfo {
  title: string;
  /** `dc:creator` / Author: the issuing organisation, when known. */
  author?: string;
  /** `dc:description` / Subject: the subject line, when known. */
  subject?: string;
  creatorTool: string;
  producer: string;
  /** ISO 8601 date-time in UTC (`…Z`). */
  date: string;
  documentId: string;
  instanceId: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function langAlt(name: string, value: string): string {
  return `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
}

function extensionSchema(): string {
  const properties = COPY_FIELDS.map(
    (f) =>
      '<rdf:li rdf:parseType="Resource">' +
      `<pdfaProperty:name>${f.name}</pdfaProperty:name>` +
      `<pdfaProperty:valueType>${f.valueType}</pdfaProperty:valueType>` +
      '<pdfaProperty:category>external</pdfaProperty:category>' +
      `<pdfaProperty:description>${escapeXml(f.description)}</pdfaProperty:description>` +
      '</rdf:li>',
  ).join('\n          ');
  return `<rdf:Description rdf:about=""
      xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
      xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
      xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Digitised copy (Vietnam guidance)</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>${COPY_NS}</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>${COPY_PREFIX}</pdfaSchema:prefix>
      <pdfaSchema:property><rdf:Seq>
          ${properties}
      </rdf:Seq></pdfaSchema:property>
    </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>`;
}

/** The XMP packet (UTF-8 text) of a copy, written compactly (no indentation between tags). */
export function buildXmp(metadata: CopyMetadata, info: StandardInfo): string {
  return compact(packet(metadata, info));
}

/** Drop the whitespace between tags (never inside a value). */
function compact(xml: string): string {
  return xml.replace(/>\s+</g, '><').replace(/\n\s+/g, ' ');
}

function packet(metadata: CopyMetadata, info: StandardInfo): string {
  const custom = COPY_FIELDS.flatMap((f) => {
    const value = f.read(metadata);
    return value === undefined ? [] : [`<${COPY_PREFIX}:${f.name}>${escapeXml(value)}</${COPY_PREFIX}:${f.name}>`];
  }).join('\n    ');
  const dc = [
    '<dc:format>application/pdf</dc:format>',
    langAlt('dc:title', info.title),
    info.author === undefined
      ? ''
      : `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    info.subject === undefined ? '' : langAlt('dc:description', info.subject),
    `<dc:identifier>${escapeXml(metadata.docCode)}</dc:identifier>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(metadata.language)}</rdf:li></rdf:Bag></dc:language>`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
    <pdfaid:part>2</pdfaid:part>
    <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
    ${dc}
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    <xmp:CreateDate>${info.date}</xmp:CreateDate>
    <xmp:ModifyDate>${info.date}</xmp:ModifyDate>
    <xmp:MetadataDate>${info.date}</xmp:MetadataDate>
    <xmp:CreatorTool>${escapeXml(info.creatorTool)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
    <pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
    <xmpMM:DocumentID>${info.documentId}</xmpMM:DocumentID>
    <xmpMM:InstanceID>${info.instanceId}</xmpMM:InstanceID>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:${COPY_PREFIX}="${COPY_NS}">
    ${custom}
  </rdf:Description>
  ${extensionSchema()}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** What the verifier reads back from an XMP packet. */
export interface XmpReading {
  pdfaPart?: string;
  pdfaConformance?: string;
  /** Namespace URIs described by `pdfaExtension:schemas`. */
  extensionNamespaces: Set<string>;
  /** The custom fields, by guidance name. */
  fields: Map<string, string>;
  /** Standard properties by qualified name (`dc:title`, `xmp:CreateDate`, `pdf:Producer`, …): first value. */
  standard: Map<string, string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The prefix bound to `uri` in the packet (first binding), if any. */
function prefixOf(xml: string, uri: string): string | undefined {
  return new RegExp(`xmlns:([A-Za-z_][\\w.-]*)=["']${escapeRegExp(uri)}["']`).exec(xml)?.[1];
}

/** A simple property's value, written as an element or as an attribute; the first `rdf:li` of an array. */
function propertyValue(xml: string, qname: string): string | undefined {
  const q = escapeRegExp(qname);
  const element = new RegExp(`<${q}(?:\\s[^>]*)?>([\\s\\S]*?)</${q}>`).exec(xml);
  if (element) {
    const inner = element[1] ?? '';
    const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(inner);
    return unescapeXml((li ? li[1] : inner)?.trim() ?? '');
  }
  const attribute = new RegExp(`\\s${q}\\s*=\\s*(["'])([\\s\\S]*?)\\1`).exec(xml);
  return attribute ? unescapeXml(attribute[2] ?? '') : undefined;
}

const STANDARD: Array<[uri: string, name: string]> = [
  ['http://purl.org/dc/elements/1.1/', 'title'],
  ['http://purl.org/dc/elements/1.1/', 'creator'],
  ['http://purl.org/dc/elements/1.1/', 'description'],
  ['http://purl.org/dc/elements/1.1/', 'identifier'],
  ['http://ns.adobe.com/xap/1.0/', 'CreateDate'],
  ['http://ns.adobe.com/xap/1.0/', 'ModifyDate'],
  ['http://ns.adobe.com/xap/1.0/', 'CreatorTool'],
  ['http://ns.adobe.com/pdf/1.3/', 'Producer'],
  ['http://ns.adobe.com/pdf/1.3/', 'Keywords'],
];
const STANDARD_PREFIX: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://ns.adobe.com/xap/1.0/': 'xmp',
  'http://ns.adobe.com/pdf/1.3/': 'pdf',
};

/** Read the parts of an XMP packet the verifier checks. Tolerant: whatever is absent is left out. */
export function readXmp(xml: string): XmpReading {
  const pdfaid = prefixOf(xml, 'http://www.aiim.org/pdfa/ns/id/');
  const custom = prefixOf(xml, COPY_NS);
  const schemaNs = prefixOf(xml, 'http://www.aiim.org/pdfa/ns/schema#');
  const extensionNamespaces = new Set<string>();
  if (schemaNs) {
    const re = new RegExp(
      `<${escapeRegExp(schemaNs)}:namespaceURI>([\\s\\S]*?)</${escapeRegExp(schemaNs)}:namespaceURI>`,
      'g',
    );
    for (const m of xml.matchAll(re)) extensionNamespaces.add(unescapeXml((m[1] ?? '').trim()));
  }
  const fields = new Map<string, string>();
  if (custom) {
    for (const f of COPY_FIELDS) {
      const value = propertyValue(xml, `${custom}:${f.name}`);
      if (value !== undefined) fields.set(f.name, value);
    }
  }
  const standard = new Map<string, string>();
  for (const [uri, name] of STANDARD) {
    const prefix = prefixOf(xml, uri);
    const value = prefix ? propertyValue(xml, `${prefix}:${name}`) : undefined;
    if (value !== undefined) standard.set(`${STANDARD_PREFIX[uri]}:${name}`, value);
  }
  return {
    pdfaPart: pdfaid ? propertyValue(xml, `${pdfaid}:part`) : undefined,
    pdfaConformance: pdfaid ? propertyValue(xml, `${pdfaid}:conformance`) : undefined,
    extensionNamespaces,
    fields,
    standard,
  };
}

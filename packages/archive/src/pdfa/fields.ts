// The guidance's metadata fields as the copy carries them: one table read by the writer (XMP and the document
// information dictionary) and by the verifier, so the two cannot drift apart.

import type { CopyMetadata } from '../types';

/** The custom XMP namespace of the copy's metadata (the guidance's field names as property names). */
export const COPY_NS = 'https://sohoa.dev/ns/digitised-copy/1.0/';
export const COPY_PREFIX = 'sohoaCopy';

export interface CopyField {
  /** The guidance's field name; the XMP property name and the document information key. */
  name: string;
  /** XMP value type declared in the extension schema. */
  valueType: 'Text' | 'Integer' | 'Date';
  /** Required in every copy (the verifier reports a missing one). */
  required: boolean;
  description: string;
  read: (m: CopyMetadata) => string | undefined;
}

export const COPY_FIELDS: readonly CopyField[] = [
  {
    name: 'DocCode',
    valueType: 'Text',
    required: true,
    description: 'MCQ_LV_STT_PB',
    read: (m) => m.docCode,
  },
  { name: 'TypeName', valueType: 'Text', required: true, description: 'Type name', read: (m) => m.typeName },
  {
    name: 'CodeNumber',
    valueType: 'Text',
    required: false,
    description: 'Number',
    read: (m) => m.codeNumber,
  },
  {
    name: 'CodeNotation',
    valueType: 'Text',
    required: false,
    description: 'Notation',
    read: (m) => m.codeNotation,
  },
  {
    name: 'IssuedDate',
    valueType: 'Date',
    required: false,
    description: 'Issue date',
    read: (m) => m.issuedDate,
  },
  {
    name: 'OrganName',
    valueType: 'Text',
    required: false,
    description: 'Issuer',
    read: (m) => m.organName,
  },
  {
    name: 'Subject',
    valueType: 'Text',
    required: false,
    description: 'Subject line',
    read: (m) => m.subject,
  },
  { name: 'Language', valueType: 'Text', required: true, description: 'Language', read: (m) => m.language },
  {
    name: 'PageAmount',
    valueType: 'Integer',
    required: true,
    description: 'Pages',
    read: (m) => String(m.pageAmount),
  },
  {
    name: 'Description',
    valueType: 'Text',
    required: false,
    description: 'Notes',
    read: (m) => m.description,
  },
  {
    name: 'SourceSHA256',
    valueType: 'Text',
    required: true,
    description: 'SHA-256 of the source file',
    read: (m) => m.sourceSha256,
  },
  {
    name: 'DigitisedAt',
    valueType: 'Text',
    required: true,
    description: 'Digitisation time',
    read: (m) => m.digitisedAt,
  },
];

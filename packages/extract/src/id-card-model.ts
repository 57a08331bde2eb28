import type { Diagnostic, DocumentKind, OcrPage, PageImage } from '@sohoa/core';
import { readCccdFront, type CardFrontLabels } from './cccd-front';
import { copyField } from './civil-document';
import {
  checkAddressEnds,
  checkCardDates,
  checkCutValues,
  checkExpiryRule,
  idCardRecord,
  machineReadableSets,
  showsValidity,
} from './id-card';
import { classifyCardSide, type CardSideMarkers } from './id-card-classify';
import { IMPLIED_CONFIDENCE, readCardIssuer, settleIssuer } from './id-card-issuer';
import { readFields, type ReaderSpec } from './field-reader';
import { defineDocumentType } from './documents/define';
import { readLabelledForm } from './labelled-form';
import { mergeFieldSets } from './merge';
import type { DocumentTypeDefinition, ExtractContext, FieldSet, FormTemplate } from './types';

/**
 * How one side of a card is read. `columns`: labels in a column right of the photo, each value after
 * its label or on the lines below (the CCCD and Căn cước fronts). `form`: a labelled form read with
 * {@link readLabelledForm}. `reader`: labels found anywhere by the shared layout-independent reader
 * ({@link readFields}). `extra` adds what none reads (a number printed without a label).
 */
export interface IdCardSideSpec {
  columns?: CardFrontLabels;
  form?: FormTemplate;
  reader?: ReaderSpec;
  extra?: (page: PageImage, ocr: OcrPage, context: ExtractContext) => Promise<FieldSet>;
  /** Places and dates read with the column reader only when the side's other readers did not find them. */
  fallback?: CardFrontLabels;
  /** Printed markers that classify a page as this side. */
  markers: CardSideMarkers;
}

/** Validity of a card model: expiry printed on a birthday at a renewal age, or a term from issue with an end date. */
export type IdCardValidity =
  /** `shownOnEverySide: false`: a side without the expiry gives the status `unknown`. */
  { renewalAges: readonly number[]; shownOnEverySide: boolean } | { yearsFromIssue: number; noneAfter: string };

/**
 * One ID card model declared as data: its sides (labels, markers), machine-readable zones, validity
 * rules and the values the model suggests but the card may not show. {@link defineIdCard} turns it
 * into a document type read by one reader.
 */
export interface IdCardModel {
  id: string;
  title: string;
  /** What kind of document the model is (always `identity` for the built-in cards). */
  kind: DocumentKind;
  /** DocCode kind abbreviation of the digitised copy: `CCCD` for citizen cards, `CMND` for the 9-digit card. */
  docCodeKind: string;
  /** `$id` of the JSON Schema its records validate against. */
  schema?: string;
  front: IdCardSideSpec;
  back: IdCardSideSpec;
  /** The side with a QR code / MRZ read into fields. */
  machineReadable: { qr: boolean; mrz: boolean };
  validity: IdCardValidity;
  /** Address keys checked for a cut end (they end with the province). */
  addressKeys: readonly string[];
  /** The subject's key. @default 'person.idNumber' */
  subjectKey?: string;
  /** Keys reported missing when not found. */
  requiredKeys?: readonly string[];
  /** Copies made after reading: the card number is the personal ID, a CMND's issue date is the old ID's. */
  copies?: ReadonlyArray<readonly [from: string, to: string]>;
  /**
   * Values the model suggests but the card may not print (the usual issuer, the nationality of a
   * citizen card). Never at or above a fill threshold: a value read from the card always wins.
   */
  implied?: { issuer?: string; nationality?: string };
  /** Renames a machine-readable set's keys (the QR address is the place of residence on the 2024 card). */
  machineKeys?: Readonly<Record<string, string>>;
  /** Model-specific consistency checks run on the merged fields. */
  checks?: ReadonlyArray<(fields: FieldSet) => Diagnostic[]>;
}

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4)}`;
}

function renameKeys(set: FieldSet, names: Readonly<Record<string, string>> | undefined): FieldSet {
  if (!names) return set;
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [names[k] ?? k, v]));
}

async function readSide(
  spec: IdCardSideSpec,
  page: PageImage,
  ocr: OcrPage,
  context: ExtractContext,
  diagnostics: Diagnostic[],
): Promise<FieldSet[]> {
  const sets: FieldSet[] = [];
  if (spec.columns) sets.push(await readCccdFront(page, ocr, context, spec.columns));
  if (spec.form) sets.push(await readLabelledForm(page, ocr, spec.form, context));
  if (spec.reader) {
    const read = await readFields(page, ocr, spec.reader, context);
    sets.push(read.fields);
    diagnostics.push(...read.diagnostics);
  }
  if (spec.extra) sets.push(await spec.extra(page, ocr, context));
  const found = new Set(sets.flatMap((set) => Object.keys(set)));
  const places = (spec.fallback?.places ?? []).filter((p) => !found.has(p.key));
  const dates = (spec.fallback?.dates ?? []).filter((d) => !found.has(d.key));
  if (spec.fallback && places.length + dates.length > 0)
    sets.push(await readCccdFront(page, ocr, context, { ...spec.fallback, places, dates }));
  return sets;
}

/** The document type of an ID card model: one reader for every model, driven by the model's data. */
export function defineIdCard(model: IdCardModel): DocumentTypeDefinition {
  return defineDocumentType({
    id: model.id,
    title: model.title,
    kind: model.kind,
    docCodeKind: model.docCodeKind,
    ...(model.schema ? { schema: model.schema } : {}),
    ...(model.requiredKeys ? { requiredKeys: model.requiredKeys } : {}),
    classify(reading) {
      return classifyCardSide(reading, model.id, [
        { part: 'front', ...model.front.markers },
        { part: 'back', ...model.back.markers },
      ]);
    },
    async extract(readings, classes, context) {
      const sets: FieldSet[] = [];
      const diagnostics: Diagnostic[] = [];
      let issuer: ReturnType<typeof readCardIssuer>;
      for (const [i, r] of readings.entries()) {
        const part = classes[i]?.part === 'back' ? 'back' : 'front';
        const machineRead = new Set<string>();
        if (model.machineReadable.qr || model.machineReadable.mrz) {
          const machine = machineReadableSets(r, part, context);
          const renamed = machine.sets.map((s) => renameKeys(s, model.machineKeys));
          sets.push(...renamed);
          // Only values the code holds with confidence (an MRZ field whose check digit failed is no cross-check).
          for (const set of renamed)
            for (const [key, field] of Object.entries(set)) if (field.confidence >= 0.9) machineRead.add(key);
          diagnostics.push(...machine.diagnostics);
        }
        if (!r.ocr) continue;
        // What the page's QR code or MRZ carries is read from print once, as a cross-check, not re-read.
        const sideContext = machineRead.size > 0 ? { ...context, machineRead } : context;
        sets.push(...(await readSide(model[part], r.page, r.ocr, sideContext, diagnostics)));
        if (part === 'back') issuer ??= readCardIssuer(r.ocr);
      }
      const merged = mergeFieldSets(sets);
      diagnostics.push(...merged.diagnostics);
      const fields = merged.fields;
      const validity = model.validity;
      if ('renewalAges' in validity) diagnostics.push(...checkExpiryRule(fields, validity.renewalAges));
      diagnostics.push(...checkCardDates(fields));
      for (const check of model.checks ?? []) diagnostics.push(...check(fields));
      diagnostics.push(...checkAddressEnds(fields, model.addressKeys), ...checkCutValues(fields));
      // Read, don't infer: the issuer printed on the back wins; the model's usual one stays below every threshold.
      const hasBack = classes.some((c) => c.part === 'back');
      diagnostics.push(...settleIssuer(fields, issuer, hasBack ? model.implied?.issuer : undefined));
      const subjectKey = model.subjectKey ?? 'person.idNumber';
      if (model.implied?.nationality && fields[subjectKey] && !fields['person.nationality']) {
        fields['person.nationality'] = {
          value: model.implied.nationality,
          confidence: IMPLIED_CONFIDENCE,
          evidence: [{ method: 'computed' }],
        };
      }
      for (const [from, to] of model.copies ?? []) copyField(fields, from, to);
      if ('yearsFromIssue' in validity) {
        const issued = fields['document.issueDate']?.value;
        const validUntil =
          typeof issued === 'string'
            ? [addYears(issued, validity.yearsFromIssue), validity.noneAfter].sort()[0]!
            : validity.noneAfter;
        return idCardRecord(model.id, readings, classes, fields, diagnostics, { validUntil, subjectKey });
      }
      const shown = validity.shownOnEverySide ? {} : { validityShown: showsValidity(readings, fields) };
      return idCardRecord(model.id, readings, classes, fields, diagnostics, { subjectKey, ...shown });
    },
  });
}

import { endsWithProvince } from './field-parsers';
import type { ReaderField } from './field-reader';
import * as rp from './field-reader/parsers';

// Fields every civil-status certificate declares alike (birth, marriage): one declaration each, the labels
// of the type passed in. Labels every such certificate prints the same way are here too.

const ANY = ['*'];

/** How a person's residence is labelled on civil-status certificates (current and older models, English). */
export const RESIDENCE_LABELS = [
  'Nơi cư trú',
  'Nơi thường trú/tạm trú',
  'Nơi thường trú, tạm trú',
  'Nơi thường trú',
  'Địa chỉ',
  'Nơi ở hiện tại',
  'Nơi ở hiện nay',
  'Chỗ ở hiện tại',
  'Chỗ ở hiện nay',
  'Hộ khẩu thường trú',
  'Nơi đăng ký hộ khẩu thường trú',
  'Trú quán',
  'Trú tại',
  'Place of residence',
];

/** The register number (`Số:`) under the type's labels. */
export function registerNumberField(labels: string[]): ReaderField {
  return { key: 'document.number', labels, roles: ANY, parse: rp.registerNumber, reread: true, mayBeCut: false };
}

/** The register book (`Quyển số`). */
export const BOOK_NUMBER_FIELD: ReaderField = {
  key: 'document.bookNumber',
  labels: ['Quyển số'],
  roles: ANY,
  parse: rp.bookNumber,
  reread: true,
  mayBeCut: false,
};

/** A place (an address or a registering authority): may wrap, complete when it ends with a province. */
export function placeField(key: string, labels: string[], roles: string[]): ReaderField {
  return { key, labels, roles, parse: rp.place, reread: true, wraps: true, complete: endsWithProvince };
}

/** A personal ID number: may wrap, complete once it parses, never taken for a cut value. */
export function personalIdField(labels: string[], roles: string[]): ReaderField {
  return {
    key: 'person.idNumber',
    labels,
    roles,
    parse: rp.personalId,
    reread: true,
    wraps: true,
    complete: (t) => rp.personalId(t) !== undefined,
    mayBeCut: false,
  };
}

/** The registration date under the type's labels (a date may span a dotted leader). */
export function registrationDateField(labels: string[]): ReaderField {
  return { key: 'document.issueDate', labels, roles: ANY, parse: rp.date, reread: true, spansLeaders: true };
}

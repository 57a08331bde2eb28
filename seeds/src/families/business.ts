import { drawBusiness, generateBusinessDocuments, type SyntheticBusinessDocument } from '../business-docs';
import type { LayoutFamily } from '../layout-families';
import type { DrawnForm } from '../internal/form-kit';
import type { SyntheticDocument } from '../types';
import { fromTemplatePage, roleKey } from './tuned';

/** The original template prints some facts once under two truth keys (the representative's name, the legal form in the title). */
function tuned(doc: SyntheticDocument): DrawnForm {
  const page = fromTemplatePage(drawBusiness(doc as SyntheticBusinessDocument), (k) => roleKey(k));
  const role = doc.type === 'enterprise-registration' ? 'representative' : 'householdHead';
  const alias = (key: string, from: string | undefined): void => {
    if (from !== undefined && doc.fields[key] !== undefined) page.printed[key] = from;
  };
  alias('org.representative', page.printed[`${role}:person.fullName`]);
  alias('org.representative.idNumber', page.printed[`${role}:person.idNumber`]);
  alias('document.amendmentNumber', doc.fields['document.amendmentNumber'] ? page.printed['document.issueDate'] : undefined);
  const legal = doc.fields['org.legalForm']?.toLocaleUpperCase('vi');
  alias('org.legalForm', page.runs.find((r) => r.text === legal)?.text);
  return page;
}

export const BUSINESS_FAMILIES: LayoutFamily[] = [
  {
    type: 'enterprise-registration',
    family: 'seeds-v1',
    description: "The generator's original enterprise registration certificate: the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateBusinessDocuments('enterprise-registration', seed, count),
    draw: (doc) => [tuned(doc)],
  },
  {
    type: 'household-business-registration',
    family: 'seeds-v1',
    description: "The generator's original household business certificate: the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateBusinessDocuments('household-business-registration', seed, count),
    draw: (doc) => [tuned(doc)],
  },
];

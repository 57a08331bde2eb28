export type * from './types';
export { renderPdf } from './pdf';
export { fillPdfTemplate } from './acroform';
export { FORM_XML_NAMESPACE, isoDateOf, renderXml, toXmlName } from './xml';
export { renderXsd } from './xsd';

export type * from './types';
export { renderPdf } from './pdf';
export { fillPdfTemplate } from './acroform';
export { renderXml, toXmlName } from './xml';

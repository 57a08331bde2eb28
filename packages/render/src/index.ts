export type * from './types';
export { renderPdf } from './pdf';
export { renderXml, toXmlName } from './xml';

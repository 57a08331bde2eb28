// Ajv's classes and plugins as eform uses them. The Node build makes this file a CommonJS bundle of its own
// (`dist/ajv.cjs`) that `ajv-load.node.ts` requires when an Ajv instance is first needed; sources and the
// browser build import it statically (`ajv-load.ts`).
import Ajv07 from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addErrors from 'ajv-errors';
import addFormats from 'ajv-formats';

/** The Ajv classes and plugins eform builds its instances from. */
export interface AjvModules {
  Ajv07: typeof Ajv07;
  Ajv2019: typeof Ajv2019;
  Ajv2020: typeof Ajv2020;
  AjvDraft04: typeof AjvDraft04;
  addErrors: typeof addErrors;
  addFormats: typeof addFormats;
}

export const modules: AjvModules = { Ajv07, Ajv2019, Ajv2020, AjvDraft04, addErrors, addFormats };

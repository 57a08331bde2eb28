import { RE2JS } from 're2js';

/**
 * The RE2 engine (re2js). Sources and the browser build import it statically (here); the Node build replaces
 * this module with `re2-load.node.ts`, which loads it only when a pattern first needs it.
 */
export const re2js = (): typeof RE2JS => RE2JS;

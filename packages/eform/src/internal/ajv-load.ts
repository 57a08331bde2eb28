import { type AjvModules, modules } from './ajv-bundle';

/**
 * Ajv's classes and plugins. Sources and the browser build import them statically (here); the Node build
 * replaces this module with `ajv-load.node.ts`, which loads them only when first asked for.
 */
export const ajvModules = (): AjvModules => modules;

export type { AjvModules };

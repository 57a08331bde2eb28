// TypeDoc plugin (typedoc.config.mjs): names each entry point's module by its import specifier,
// `packages/vault/src/drivers/sqlite.ts` → `@sohoa/vault/drivers/sqlite`, instead of `vault/src/drivers/sqlite`.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const match = /^([a-z0-9-]+)\/src(?:\/(.+))?$/.exec(reflection.name);
    if (match) reflection.name = `@sohoa/${match[1]}${match[2] && match[2] !== 'index' ? `/${match[2]}` : ''}`;
  });
}

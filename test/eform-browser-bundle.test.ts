import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// esbuild comes with tsup (a root dev dependency); nothing extra to install.
const root = resolve(import.meta.dirname, '..');
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[]; outputFiles: Array<{ text: string }> }>;
}
interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => undefined): void;
}
const esbuild = createRequire(join(root, 'node_modules/tsup/package.json'))('esbuild') as Esbuild;
const entry = join(root, 'packages/eform/dist/browser.js');
const BUILTINS = new Set(createRequire(import.meta.url)('node:module').builtinModules as string[]);

describe('@sohoa/eform/browser', () => {
  it('bundles for the browser with esbuild --platform=browser, with no Node built-in anywhere in it', async () => {
    if (!existsSync(entry))
      throw new Error('packages/eform/dist/browser.js is missing: run `pnpm --filter @sohoa/eform... build` first.');
    const imported: string[] = [];
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'sohoaEform',
      write: false,
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-imports',
          setup(build: PluginBuild) {
            build.onResolve({ filter: /.*/ }, (args) => {
              imported.push(args.path);
              return undefined;
            });
          },
        },
      ],
    });
    const builtins = imported.filter((path) => path.startsWith('node:') || BUILTINS.has(path.split('/')[0]!));
    expect(builtins).toEqual([]);
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]!.text;

    // Run it where there is no Node at all: no `process`, `require`, `Buffer` or `module`.
    const sandbox: Record<string, unknown> = { console };
    runInNewContext(`${code}\nglobalThis.sohoaEform = sohoaEform;`, sandbox);
    const eform = sandbox.sohoaEform as typeof import('@sohoa/eform/browser');
    const form = eform.loadForm({
      components: [
        { type: 'textfield', key: 'fullname', label: 'Họ, chữ đệm và tên', input: true, validate: { required: true } },
        {
          type: 'textfield',
          key: 'identityNumber',
          label: 'Số định danh cá nhân',
          input: true,
          validate: { pattern: '\\d{12}' },
        },
      ],
    });
    const value = (v: string) => ({
      value: v,
      confidence: 0.99,
      method: 'qr' as const,
      documentId: 'd',
      documentType: 'cccd-2021',
      expired: false,
    });
    const filled = eform.fillForm(form, {
      values: { 'person.fullName': value('Nguyễn Thị Thử'), 'person.idNumber': value('001199012345') },
    });
    expect(filled.data).toEqual({ fullname: 'Nguyễn Thị Thử', identityNumber: '001199012345' });
    expect(eform.validateForm(form, filled.data).ok).toBe(true);
    expect(eform.validateForm(form, { fullname: '', identityNumber: '12' }).errors.map((e) => e.keyword)).toEqual([
      'minLength',
      'pattern',
    ]);
    // The portal interop part: RJSF ui schema and the message table.
    expect(eform.toUiSchema(form, filled)).toEqual({
      fullname: { 'ui:autocomplete': 'name', 'ui:help': 'Nguồn: Căn cước công dân (cccd-2021), đọc từ mã QR' },
      identityNumber: { 'ui:help': 'Nguồn: Căn cước công dân (cccd-2021), đọc từ mã QR' },
    });
    expect(eform.VALIDATION_MESSAGES.vi.required!({})).toBe('là thông tin bắt buộc');
  });
});

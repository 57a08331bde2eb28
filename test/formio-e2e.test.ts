import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeExamplePage } from './fixtures/example-page';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'examples/formio');
const profile = JSON.parse(readFileSync(join(example, 'profile.json'), 'utf8')) as {
  values: Record<string, { value: string }>;
};

describeExamplePage(
  'formio-e2e',
  'examples/formio: a Form.io form filled by sohoa, rendered by @formio/js in Chromium',
  example,
  (opened) => {
    it('shows the filled values in the inputs Form.io renders, offers the unsure one for review, loads nothing remote', async () => {
      const { page, remote, pageErrors } = opened();
      const input = (name: string) => page.locator(`[name="data[${name}]"]`).first();
      // Form.io's own inputs, named after the submission data (`data[fullname]`, containers nest).
      await expect.poll(() => input('fullname').inputValue()).toBe('Nguyễn Thị Thử');
      expect(await input('fullname').inputValue()).toBe(profile.values['person.fullName']!.value);
      expect(await input('identityNumber').inputValue()).toBe('001199012345');
      expect(await input('birthDate').inputValue()).toBe('14/07/1999');
      expect((await input('phoneNumber').inputValue()).replace(/\D/g, '')).toBe('0912345678');
      expect(await input('residence][permanentAddress').inputValue()).toBe('Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu');
      // Read with low confidence: offered for review, never put in the form.
      expect(await input('ethnicity').inputValue()).toBe('');
      expect(await page.locator('#review li[data-pointer="/ethnicity"]').innerText()).toContain('low-confidence');
      expect(await input('email').inputValue()).toBe('');
      expect(await page.locator('#coverage').innerText()).toBe('sohoa đã điền 5/8 trường.');

      // The citizen completes the form; Form.io submits and sohoa's validation (Form.io's `validate` rules) agrees.
      await page.locator('[name="data[purpose]"]').fill('Bổ sung hồ sơ');
      await page.locator('button[name="data[submit]"]').click();
      await page.locator('body[data-validated]').waitFor({ timeout: 10_000 });
      expect(await page.locator('body').getAttribute('data-validated')).toBe('0');
      await page.screenshot({ path: join(example, 'test-results', 'formio.png'), fullPage: true });
      expect(remote, 'everything is bundled from node_modules, no CDN').toEqual([]);
      expect(pageErrors).toEqual([]);
    }, 90_000);
  },
);

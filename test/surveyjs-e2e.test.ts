import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { describeExamplePage } from './fixtures/example-page';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'examples/surveyjs');
const profile = JSON.parse(readFileSync(join(example, 'profile.json'), 'utf8')) as {
  values: Record<string, { value: string }>;
};

describeExamplePage(
  'surveyjs-e2e',
  'examples/surveyjs: a SurveyJS survey filled by sohoa, rendered by survey-core + survey-js-ui in Chromium',
  example,
  (opened) => {
    it('shows the filled values in the inputs SurveyJS renders, offers the unsure one for review, loads nothing remote', async () => {
      const { page, remote, pageErrors } = opened();
      const input = (name: string, nth = 0) => page.locator(`[data-name="${name}"] input`).nth(nth);
      // SurveyJS's own inputs, one question per name (panels do not nest, a multiple-text question does).
      await expect.poll(() => input('hoTen').inputValue()).toBe('Nguyễn Thị Thử');
      expect(await input('hoTen').inputValue()).toBe(profile.values['person.fullName']!.value);
      expect(await input('soDinhDanh').inputValue()).toBe('001199012345');
      expect(await input('ngaySinh').getAttribute('type')).toBe('date');
      expect(await input('ngaySinh').inputValue(), 'a date input holds ISO dates').toBe('1999-07-14');
      expect(await input('noiThuongTru').inputValue()).toBe('Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu');
      expect(await input('lienHe', 0).inputValue()).toBe('0912345678');
      expect(await input('lienHe', 1).inputValue()).toBe('');
      // Read with low confidence: offered for review, never put in the survey.
      expect(await input('danToc').inputValue()).toBe('');
      expect(await page.locator('#review li[data-pointer="/danToc"]').innerText()).toContain('low-confidence');
      expect(await page.locator('#coverage').innerText()).toBe('sohoa đã điền 5/8 trường.');

      // The citizen completes the survey; SurveyJS accepts it and sohoa's validation (isRequired, validators) agrees.
      await page.locator('[data-name="noiDung"] textarea').fill('Xác nhận nơi cư trú để bổ sung hồ sơ');
      await page.locator('.sd-navigation__complete-btn').click();
      await page.locator('body[data-validated]').waitFor({ timeout: 10_000 });
      expect(await page.locator('body').getAttribute('data-validated')).toBe('0');
      await page.screenshot({ path: join(example, 'test-results', 'surveyjs.png'), fullPage: true });
      expect(remote, 'everything is bundled from node_modules, no CDN').toEqual([]);
      expect(pageErrors).toEqual([]);
    }, 90_000);
  },
);

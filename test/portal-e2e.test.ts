import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFormSchema, type FormSchema } from '@sohoa/eform';
import { normalizeText } from '@sohoa/vn';
import { startPortal, type RunningPortal } from '../examples/portal/server/app';
import { createDemoVault, type DemoVault } from '../examples/portal/server/demo-vault';
import { createPortalService } from '../examples/portal/server/portal';
import { buildWeb, CHROMIUM, launchChromium } from '../examples/portal/e2e/browser';
import { canRun } from './fixtures/skip';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'examples/portal');
const card = join(root, 'seeds/data/cccd/03-huynh-thi-xoan');
const truth = JSON.parse(readFileSync(join(card, 'truth.json'), 'utf8')) as {
  person: { idNumber: string; fullName: string; birthDate: string };
  card: { issueDate: string };
};
const citizen = truth.person.idNumber;
const hasChromium = existsSync(CHROMIUM);
const screenshots = join(example, 'test-results/screenshots');

if (!hasChromium && process.env.CI === 'true') {
  throw new Error(
    `${CHROMIUM} is missing but CI=true: the portal browser test must run in CI. Install it with \`apt-get install chromium\`.`,
  );
}

/** Facts of the citizen as the vault holds them now, read (and audited) under the test's own grant. */
async function factsOf(demo: DemoVault, key: string) {
  return (await demo.vault.listFacts(citizen, { actor: 'test:checker', purpose: 'test' })).filter((f) => f.key === key);
}

let schema: FormSchema;
let browserDemo: DemoVault;
let apiDemo: DemoVault;

beforeAll(async () => {
  schema = await loadFormSchema(join(root, 'schemas/forms/to-khai-dang-ky-khai-sinh.schema.json'));
  // Real OCR of one seed card, once; the API tests get their own vault from the same records.
  browserDemo = await createDemoVault({ cards: [card], log: (line) => console.log(`portal demo vault: ${line}`) });
  apiDemo = await createDemoVault({ cards: [card], records: browserDemo.records });
  for (const demo of [browserDemo, apiDemo]) {
    await demo.vault.grant({
      to: 'test:checker',
      subject: citizen,
      purpose: 'test',
      keys: ['*'],
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      grantedBy: 'test:checker',
    });
  }
}, 120_000);

afterAll(async () => {
  await browserDemo?.close();
  await apiDemo?.close();
});

describe('portal service (no browser)', () => {
  it('refuses to fill before the citizen consents, then fills with provenance after', async () => {
    const service = createPortalService({ vault: apiDemo.vault, schema });
    await expect(service.openForm(citizen)).rejects.toMatchObject({ code: 'VAULT_GRANT_MISSING' });
    await service.consent(citizen);
    const view = await service.openForm(citizen);
    expect(view.role).toBe('mother');
    const name = view.fields.find((f) => f.pointer === '/nguoiYeuCau/hoTen')!;
    expect(name).toMatchObject({
      status: 'filled',
      value: normalizeText(truth.person.fullName),
      source: { documentType: 'cccd-2021', page: 1 },
    });
    expect(view.fields.find((f) => f.pointer === '/me/danToc')).toMatchObject({
      status: 'needs-review',
      reason: 'low-confidence',
      vaultKey: 'person.ethnicity',
    });
    expect(view.fields.find((f) => f.pointer === '/ketHon/so')).toMatchObject({ status: 'empty', reason: 'no-data' });
  });

  it('"this form only" leaves the vault alone; "update my vault" writes a fact whose source is the citizen', async () => {
    const service = createPortalService({ vault: apiDemo.vault, schema });
    const view = await service.openForm(citizen);
    const issuerBefore = await factsOf(apiDemo, 'person.idDocument.issuer');
    const data = structuredClone(view.data) as Record<string, Record<string, unknown>>;
    data.kinhGui = 'UBND phường Vĩnh Ninh' as never;
    data.lamTai = 'Huế' as never;
    data.nguoiDuocKhaiSinh = {
      hoTen: 'Lê Thị Mẫu',
      ngaySinh: '05/01/2026',
      gioiTinh: 'Nữ',
      noiSinh: 'Bệnh viện Trung ương Huế',
    };
    data.me!.danToc = 'Kinh';
    (data.nguoiYeuCau!.giayToTuyThan as Record<string, unknown>).noiCap = 'Cục CS QLHC về TTXH';

    const invalid = await service.submit(citizen, view, {
      data: { ...data, nguoiDuocKhaiSinh: { hoTen: 'Lê Thị Mẫu' } },
      updateVault: ['/me/danToc'],
    });
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? [] : invalid.errors).toContainEqual(
      expect.objectContaining({ pointer: '/nguoiDuocKhaiSinh/ngaySinh', message: 'là thông tin bắt buộc' }),
    );
    expect(await factsOf(apiDemo, 'person.ethnicity'), 'an invalid submission writes nothing').toHaveLength(1);

    const result = await service.submit(citizen, view, { data, updateVault: ['/me/danToc'] });
    expect(result).toMatchObject({ ok: true, vaultUpdates: ['person.ethnicity'] });
    const ethnicity = await factsOf(apiDemo, 'person.ethnicity');
    expect(ethnicity).toHaveLength(2);
    expect(ethnicity[1]).toMatchObject({
      value: 'Kinh',
      method: 'manual',
      documentType: 'correction',
      correctedBy: 'citizen:self',
      supersedes: [ethnicity[0]!.id],
    });
    expect(await factsOf(apiDemo, 'person.idDocument.issuer'), '"this form only" must not touch the vault').toEqual(
      issuerBefore,
    );

    const again = await service.openForm(citizen);
    expect(again.fields.find((f) => f.pointer === '/me/danToc')).toMatchObject({
      status: 'filled',
      value: 'Kinh',
      source: { method: 'manual' },
    });
    expect(again.fields.find((f) => f.pointer === '/nguoiYeuCau/giayToTuyThan/noiCap')?.value).not.toBe(
      'Cục CS QLHC về TTXH',
    );
    const pdf = result.ok ? service.pdf(citizen, result.pdfId) : undefined;
    expect(Buffer.from(pdf!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });
});

describe.skipIf(
  !canRun(
    'portal-e2e',
    hasChromium,
    `${CHROMIUM} not found (install it with \`apt-get install chromium\`; .ci/run tries)`,
    { allowedInCi: true },
  ),
)('portal in Debian Chromium (playwright-core)', () => {
  let portal: RunningPortal;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sohoa-portal-e2e-'));
    const webRoot = join(work, 'web');
    await buildWeb(webRoot);
    portal = await startPortal({ vault: browserDemo.vault, schema, citizens: browserDemo.citizens, webRoot });
    rmSync(screenshots, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('logs in, consents, reviews the pre-filled form, submits, downloads the PDF and sees the audit', async () => {
    const context = await launchChromium(join(work, 'profile'));
    const shots: string[] = [];
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const shot = async (name: string, fullPage = false) => {
      const path = join(screenshots, `${name}.png`);
      await page.screenshot({ path, fullPage });
      shots.push(path);
    };
    const field = (pointer: string) => page.locator(`[data-pointer="${pointer}"]`);
    const input = (pointer: string) => field(pointer).locator('input, select').first();
    try {
      await page.goto(portal.url);
      await page.locator(`button[data-citizen="${citizen}"]`).waitFor();
      await shot('01-login');
      await page.locator(`button[data-citizen="${citizen}"]`).click();

      await page.locator('#grant').waitFor();
      expect(await page.locator('.consent').innerText()).toContain('Đăng ký khai sinh');
      await shot('02-consent');
      await page.locator('#grant').click();

      // Pre-filled from the vault (QR and OCR of the seed card), the citizen being the mother.
      await input('/nguoiYeuCau/hoTen').waitFor();
      expect(await input('/nguoiYeuCau/hoTen').inputValue()).toBe(normalizeText(truth.person.fullName));
      expect(await input('/nguoiYeuCau/ngaySinh').inputValue()).toBe(
        truth.person.birthDate.split('-').reverse().join('/'),
      );
      expect(await input('/nguoiYeuCau/giayToTuyThan/soGiayTo').inputValue()).toBe(citizen);
      expect(await input('/me/hoTen').inputValue()).toBe(normalizeText(truth.person.fullName));
      await expect.poll(() => field('/nguoiYeuCau/hoTen').getAttribute('class')).toContain('field-filled');
      // The RJSF ui schema from toUiSchema (filled in the page with @sohoa/eform/browser): HTML autofill
      // tokens for the citizen's own fields, none in the father's section, and each value's source.
      expect(await input('/nguoiYeuCau/hoTen').getAttribute('autocomplete')).toBe('name');
      expect(await input('/me/hoTen').getAttribute('autocomplete')).toBe('name');
      expect(await input('/cha/hoTen').getAttribute('autocomplete')).toBe('off');
      expect(await field('/nguoiYeuCau/hoTen').locator('.source-help').innerText()).toMatch(
        /^Nguồn: Căn cước công dân \(cccd-2021\), (cấp ngày \d{2}\/\d{2}\/\d{4}, )?(đọc từ mã QR|nhận dạng chữ \(OCR\)|đọc từ vùng MRZ)$/,
      );
      expect(await field('/nguoiYeuCau/giayToTuyThan/ngayCap').locator('.source-help').innerText()).toContain(
        `cấp ngày ${truth.card.issueDate.split('-').reverse().join('/')}`,
      );
      await shot('03-form-prefilled', true);

      // Provenance on hover: document, page, box, method, confidence, all from the vault.
      await field('/nguoiYeuCau/hoTen').hover();
      const card = field('/nguoiYeuCau/hoTen').locator('.provenance');
      await card.waitFor({ state: 'visible' });
      const provenance = await card.innerText();
      expect(provenance).toContain('Căn cước công dân (cccd-2021)');
      expect(provenance).toMatch(/Trang 1/);
      expect(provenance).toMatch(/Cách lấy: (đọc từ mã QR|nhận dạng chữ \(OCR\)|đọc từ vùng MRZ)/);
      expect(provenance).toMatch(/Độ tin cậy: \d/);
      expect(provenance).toMatch(/Mã tài liệu trong kho: doc_[0-9a-f]+/);
      await shot('04-provenance-hover');

      // The low-confidence value is highlighted with its reason; empty fields say why.
      const ethnicity = field('/me/danToc');
      expect(await ethnicity.getAttribute('class')).toContain('field-needs-review');
      expect(await ethnicity.locator('.badge-review').innerText()).toBe('cần kiểm tra');
      expect(await input('/me/danToc').inputValue()).toBe('Kính');
      await ethnicity.hover();
      expect(await ethnicity.locator('.provenance').innerText()).toContain('Giấy xác nhận thông tin về cư trú (CT07)');
      await shot('05-needs-review');
      expect(await field('/ketHon/so').locator('.empty-reason').innerText()).toContain(
        'Kho dữ liệu của bạn chưa có thông tin này',
      );
      expect(await field('/nguoiDuocKhaiSinh/hoTen').locator('.empty-reason').innerText()).toContain(
        'chưa có thông tin này',
      );

      // Submitting with an unreviewed value is stopped on the page.
      await page.locator('#submit').click();
      expect(await page.locator('.notice').innerText()).toContain('Còn 1 trường cần kiểm tra');

      // The citizen corrects the misread value and keeps it in the vault; another edit is for this form only.
      await input('/me/danToc').fill('Kinh');
      await ethnicity.getByLabel('Cập nhật vào kho dữ liệu của tôi').check();
      await input('/nguoiYeuCau/giayToTuyThan/noiCap').fill('Cục CS QLHC về TTXH');
      await field('/nguoiYeuCau/giayToTuyThan/noiCap').getByLabel('Chỉ dùng cho tờ khai này').waitFor();
      await input('/nguoiDuocKhaiSinh/ngaySinh').fill('2026-01-05');
      await page.locator('#submit').click();

      // Validation in the page (validateForm of @sohoa/eform/browser; the server checks again), in Vietnamese.
      const errors = page.locator('.errors');
      await errors.waitFor();
      expect(await errors.innerText()).toContain('là thông tin bắt buộc');
      expect(await field('/nguoiDuocKhaiSinh/ngaySinh').innerText()).toContain('không đúng định dạng quy định');
      expect(await field('/kinhGui').innerText()).toContain('là thông tin bắt buộc');
      await shot('06-validation', true);
      expect(
        await factsOf(browserDemo, 'person.ethnicity'),
        'nothing is written before the form is valid',
      ).toHaveLength(1);

      await input('/kinhGui').fill('UBND phường Vĩnh Ninh, thành phố Huế');
      await input('/nguoiDuocKhaiSinh/hoTen').fill('Lê Thị Mẫu');
      await input('/nguoiDuocKhaiSinh/ngaySinh').fill('05/01/2026');
      await input('/nguoiDuocKhaiSinh/gioiTinh').selectOption({ label: 'Nữ' });
      await input('/nguoiDuocKhaiSinh/noiSinh').fill('Bệnh viện Trung ương Huế');
      await input('/lamTai').fill('Huế');
      const issuerBefore = await factsOf(browserDemo, 'person.idDocument.issuer');
      await page.locator('#submit').click();

      await page.locator('#download-pdf').waitFor();
      expect(await page.locator('#vault-updates').innerText()).toContain('person.ethnicity');
      await shot('07-submitted');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-pdf').click()]);
      const saved = join(example, 'test-results/to-khai-dang-ky-khai-sinh.pdf');
      await download.saveAs(saved);
      const pdf = readFileSync(saved);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1024);

      // "Update my vault" wrote a correction by the citizen; "this form only" wrote nothing.
      const facts = await factsOf(browserDemo, 'person.ethnicity');
      expect(facts.at(-1)).toMatchObject({ value: 'Kinh', method: 'manual', correctedBy: 'citizen:self' });
      expect(await factsOf(browserDemo, 'person.idDocument.issuer')).toEqual(issuerBefore);

      // Reopening the form: the kept value comes back from the vault as the citizen's own; the other does not.
      await page.getByRole('button', { name: 'Tờ khai' }).click();
      await input('/me/danToc').waitFor();
      expect(await input('/me/danToc').inputValue()).toBe('Kinh');
      expect(await field('/me/danToc').getAttribute('class')).toContain('field-filled');
      expect(await input('/nguoiYeuCau/giayToTuyThan/noiCap').inputValue()).not.toBe('Cục CS QLHC về TTXH');

      // "Who used my data": the portal's reads for the procedure, the grant and the correction.
      await page.locator('#open-audit').click();
      await page.locator('#audit tbody tr').first().waitFor();
      const reads = page.locator(
        '#audit tr[data-action="read"][data-actor="portal:dichvucong-demo"][data-purpose="dang-ky-khai-sinh"]',
      );
      expect(await reads.count()).toBeGreaterThanOrEqual(2);
      expect(await reads.first().innerText()).toContain('to-khai-dang-ky-khai-sinh.schema.json');
      expect(await page.locator('#audit tr[data-action="grant"][data-purpose="dang-ky-khai-sinh"]').count()).toBe(1);
      expect(await page.locator('#audit tr[data-action="grant"][data-purpose="correct"]').count()).toBe(1);
      expect(await page.locator('#audit tr[data-action="correct"]').count()).toBe(1);
      expect(
        await page.locator('#audit tr[data-action="read-denied"]').count(),
        'the page asks for consent before it reads',
      ).toBe(0);
      expect(await page.locator('#audit').innerText()).not.toContain('Kinh');
      await shot('08-audit', true);
      expect(pageErrors).toEqual([]);
    } finally {
      if (pageErrors.length > 0) console.error(`errors in the page:\n${pageErrors.join('\n')}`);
      await context.close();
      console.log(`portal screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
    }
  }, 180_000);
});

// The first form in five minutes (docs/getting-started.md): store a digitised ID card in a vault, let the
// citizen grant the portal a read, fill a small form from the vault, validate it and render it as a PDF.
// Runs as is inside the repository (after `pnpm build`) and in any project that installed
// @sohoa/eform, @sohoa/vault and @sohoa/render. Every person here is synthetic.
import { writeFile } from 'node:fs/promises';
import { fillForm, parseFormSchema, validateForm } from '@sohoa/eform';
import { renderPdf } from '@sohoa/render';
import { createVault } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';

const out = process.argv[2] ?? 'first-form.pdf';

// 1. A form as a JSON Schema. Two fields name their semantic key; the others are bound from their labels.
const schema = parseFormSchema({
  $id: 'to-khai-mau',
  title: 'TỜ KHAI MẪU',
  type: 'object',
  properties: {
    hoTen: { type: 'string', title: 'Họ, chữ đệm và tên' },
    ngaySinh: { type: 'string', title: 'Ngày, tháng, năm sinh' },
    gioiTinh: { type: 'string', title: 'Giới tính' },
    soDinhDanh: { type: 'string', title: 'Số định danh cá nhân', 'x-sohoa-key': 'person.idNumber' },
    noiThuongTru: { type: 'string', title: 'Nơi thường trú' },
    soDienThoai: { type: 'string', title: 'Số điện thoại', 'x-sohoa-key': 'person.phone' },
    noiDungDeNghi: { type: 'string', title: 'Nội dung đề nghị' },
  },
});

// 2. A vault (in memory here; `@sohoa/vault/drivers/sqlite` for a file) holding one digitised CCCD.
//    In production the record comes from `@sohoa/extract` or `@sohoa/batch`, and a master key encrypts values.
const portal = 'portal:dichvucong';
const vault = createVault({ driver: memoryDriver(), actor: portal });
const citizen = '001199012345';
const evidence = [{ method: 'qr', sha256: 'a'.repeat(64), page: 1 }];
const qr = (value) => ({ value, confidence: 0.99, evidence });
await vault.putDocument({
  type: 'cccd-2021',
  subject: { kind: 'person', id: citizen },
  number: citizen,
  issued: '2021-05-10',
  validUntil: '2039-07-04',
  status: 'valid',
  fields: {
    'person.idNumber': qr(citizen),
    'person.fullName': qr('Nguyễn Thị Thu Thử'),
    'person.birthDate': qr('1999-07-04'),
    'person.sex': qr('female'),
    'person.permanentAddress': qr('Số 12 Phố Mẫu, Phường Thử Nghiệm, Thành phố Hà Nội'),
  },
  sources: [{ file: 'cccd-back.jpg', sha256: 'a'.repeat(64), page: 1, pageCount: 1 }],
  diagnostics: [],
});

// 3. The vault is closed by default: the citizen grants the portal a read of her personal facts for this form.
await vault.grant({
  to: portal,
  subject: citizen,
  purpose: 'nop-ho-so',
  keys: ['person.*'],
  forms: [schema.$id],
  expiresAt: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
  grantedBy: 'citizen-account:demo',
});

// 4. Read her profile (written to the audit log), fill, validate, render.
const profile = await vault.profile(citizen, { purpose: 'nop-ho-so', form: schema.$id });
const filled = fillForm(schema, profile);
for (const field of filled.fields) {
  const from = field.source ? `${field.source.documentType ?? 'clock'} via ${field.source.method}` : field.reason;
  console.log(`${field.pointer.padEnd(15)} ${field.status.padEnd(7)} ${from}`);
}
console.log(
  `coverage ${filled.coverage.filled}/${filled.coverage.total} (${(filled.coverage.ratio * 100).toFixed(1)}%)`,
);
const { ok } = validateForm(schema, filled.data);
console.log(`filled values valid: ${ok}`);
await writeFile(out, await renderPdf(filled, schema));
console.log(`wrote ${out}`);
console.log(`audit entries: ${(await vault.listAudit(citizen)).length}`);
await vault.close();

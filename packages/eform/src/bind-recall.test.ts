// Rules added for recall on forms never seen (issue 12, second round; docs/binding-and-fill-policy.md "Rules added
// for recall"). Found on synthetic forms written from the official labels (test/eval/forms/synthetic/), never on the
// held-out forms. Labels are written by hand in the shapes official forms use.
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { date, filled, form, section, text } from './internal/test-schema-kit';
import { loadForm } from './schema';
import type { FormSchema } from './types';

const keys = (schema: FormSchema) =>
  Object.fromEntries(bindForm(loadForm(schema)).fields.map((f) => [f.pointer, f.key ?? null]));

describe('a section asked only in some cases is never the subject’s', () => {
  const schema = form({
    a: section('I. THÔNG TIN CỦA ĐỐI TƯỢNG', {
      ten: text('Họ và tên (Viết chữ in hoa)'),
      ns: date('Ngày/tháng/năm sinh'),
    }),
    b: section('II. THÔNG TIN CỦA NGƯỜI KHAI (trường hợp đối tượng không tự khai)', {
      ten: text('Họ và tên'),
      ns: date('Ngày/tháng/năm sinh'),
      so: text('Giấy CMND/CCCD số'),
    }),
  });

  it('"Người khai (trường hợp …)" is someone else, and the unnamed block before it is the subject', () => {
    const k = keys(schema);
    expect(k['/a/ten']).toBe('person.fullNameUpper');
    expect(k['/a/ns/y']).toBe('person.birthDate.year');
    expect(k['/b/ten']).toBe('person.other.fullName');
    expect(k['/b/so']).toBe('person.other.idNumber');
    expect(filled(schema)).toEqual({ '/a/ten': 'NGUYỄN THỊ THỬ', '/a/ns/d': '14', '/a/ns/m': '07', '/a/ns/y': '1999' });
  });

  it('a relation in a conditional section stays that relation ("Thông tin về mẹ (nếu có)")', () => {
    expect(keys(form({ m: section('Thông tin về mẹ (nếu có)', { ten: text('Họ và tên') }) }))['/m/ten']).toBe(
      'person.mother.fullName',
    );
  });
});

describe('"người được đề nghị …" is the subject only when no one else files the form', () => {
  const principal = section('1. Thông tin về người được đề nghị trợ giúp', {
    ten: text('Họ và tên'),
    so: text('Số định danh cá nhân'),
    dc: text('Nơi cư trú'),
  });

  it('with only an optional representative, the person the request is for is the subject', () => {
    const schema = form({
      a: principal,
      b: section('2. Người đại diện hợp pháp (nếu có)', {
        ten: text('Họ và tên'),
        quanHe: text('Quan hệ với người được đề nghị'),
      }),
    });
    const k = keys(schema);
    expect(k['/a/ten']).toBe('person.fullName');
    expect(k['/a/dc']).toBe('person.residence');
    expect(k['/b/ten']).toBe('person.representative.fullName');
    expect(filled(schema)).toMatchObject({ '/a/ten': 'Nguyễn Thị Thử', '/a/so': '001199012345' });
  });

  it('when the requester has a block of their own, the person the request is for is someone else', () => {
    const k = keys(form({ r: section('Thông tin người đề nghị', { ten: text('Họ và tên') }), a: principal }));
    expect(k['/r/ten']).toBe('person.fullName');
    expect(k['/a/ten']).toBe('person.other.fullName');
    expect(k['/a/so']).toBe('person.other.idNumber');
  });

  it('"Họ và tên học sinh, sinh viên" is the pupil filing, or the subject’s child when a parent files', () => {
    expect(
      keys(
        form({
          s: section('Đơn đề nghị', {
            kg: text('Kính gửi'),
            ten: text('Họ và tên học sinh, sinh viên'),
            dt: text('Dân tộc'),
          }),
        }),
      ),
    ).toMatchObject({ '/s/ten': 'person.fullName', '/s/dt': 'person.ethnicity' });
    const byParent = keys(
      form({ s: section('Đơn đề nghị', { me: text('Tôi là'), ten: text('Họ và tên học sinh, sinh viên') }) }),
    );
    expect(byParent['/s/me']).toBe('person.fullName');
    expect(byParent['/s/ten']).toBe('person.child.fullName');
  });
});

describe('relations printed with "của" and "Con ông / Con bà"', () => {
  it('"Họ, chữ đệm và tên của cha" is the father’s name and the particulars after it are his', () => {
    const k = keys(
      form({
        s: section('Tờ khai', {
          ten: text('1. Họ, chữ đệm và tên khai sinh (viết chữ in hoa)'),
          cha: text('15. Họ, chữ đệm và tên của cha'),
          qt: text('Quốc tịch'),
          vc: text('17. Họ, chữ đệm và tên của vợ (chồng)'),
          so: text('Số định danh cá nhân'),
        }),
      }),
    );
    expect(k).toEqual({
      '/s/ten': 'person.fullNameUpper',
      '/s/cha': 'person.father.fullName',
      '/s/qt': 'person.father.nationality',
      '/s/vc': 'person.spouse.fullName',
      '/s/so': 'person.spouse.idNumber',
    });
  });

  it('"Con ông", "Con bà" are the parents’ names and leave the fields after them to the pupil', () => {
    const k = keys(form({ ten: text('Họ và tên'), ong: text('Con ông'), ba: text('Con bà'), so: text('Số CCCD') }));
    expect(k).toEqual({
      '/ten': 'person.fullName',
      '/ong': 'person.father.fullName',
      '/ba': 'person.mother.fullName',
      '/so': 'person.idNumber',
    });
  });

  it('"Thông tin người thân" › "Họ tên bố" › "Năm sinh": the name says whose birth year it is', () => {
    const k = keys(
      form({
        t: section('Thông tin người thân', {
          bo: text('Họ tên bố'),
          ns: text('Năm sinh'),
          me: text('Họ tên mẹ'),
          ns2: text('Năm sinh'),
        }),
      }),
    );
    expect(k).toEqual({
      '/t/bo': 'person.father.fullName',
      '/t/ns': 'person.father.birthDate.year',
      '/t/me': 'person.mother.fullName',
      '/t/ns2': 'person.mother.birthDate.year',
    });
  });

  it('a name label naming someone the vocabulary does not know gives the particulars after it to nobody', () => {
    const k = keys(form({ ten: text('Họ và tên'), x: text('Họ và tên của người nhận thay'), so: text('Số CCCD') }));
    expect(k['/ten']).toBe('person.fullName');
    expect(k['/x']).toBeNull();
    expect(k['/so']).toBe('person.other.idNumber');
  });
});

describe('dates', () => {
  it('"Ngày, tháng, năm cấp" is the issue date of the card before it, never the signature date', () => {
    const schema = form({
      s: section('Người đề nghị', {
        ten: text('Họ và tên'),
        so: text('Căn cước số'),
        cap: date('Ngày, tháng, năm cấp'),
      }),
      ky: date('ngày'),
    });
    const k = keys(schema);
    expect(k['/s/cap/y']).toBe('person.idDocument.issueDate.year');
    expect(k['/ky/y']).toBe('form.signingDate.year');
    expect(filled(schema)).toMatchObject({ '/s/cap/d': '10', '/s/cap/y': '2021', '/ky/y': '2026' });
  });

  it('a date label naming more than a date ("Ngày, tháng, năm hết hạn") is not the signature date', () => {
    expect(keys(form({ ten: text('Họ và tên'), h: date('Ngày, tháng, năm hết hạn') }))['/h/d']).toBeNull();
    expect(keys(form({ h: text('Ngày tháng năm hết hạn') }))['/h']).toBeNull();
  });

  it('"Hôm nay, ngày … tháng … năm …" (an authorisation’s first line) is the signing date', () => {
    const k = keys(
      form({
        s: section('Căn cứ Bộ luật Dân sự', { hn: date('Hôm nay, ngày') }),
        a: section('Bên ủy quyền', { ten: text('Họ và tên') }),
      }),
    );
    expect(k['/s/hn/m']).toBe('form.signingDate.month');
  });

  it('a "tờ trình" (an organisation files it) gets its date and nothing else; a "quyết định" nothing', () => {
    const body = {
      so: text('Số'),
      noi: text(''),
      ngay: date('ngày'),
      ten: text('Tên cơ sở đào tạo'),
      dc: text('Địa chỉ'),
    };
    expect(keys(form(body, 'TỜ TRÌNH Cấp chứng chỉ'))).toEqual({
      '/so': null,
      '/noi': null,
      '/ngay/d': 'form.signingDate.day',
      '/ngay/m': 'form.signingDate.month',
      '/ngay/y': 'form.signingDate.year',
      '/ten': null,
      '/dc': null,
    });
    expect(Object.values(keys(form(body, 'QUYẾT ĐỊNH')))).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('core particulars under any of their official wordings', () => {
  it.each([
    ['Thường trú tại', 'person.permanentAddress'],
    ['Nơi đăng ký thường trú', 'person.permanentAddress'],
    ['Tạm trú tại', 'person.temporaryAddress'],
    ['Địa chỉ cư trú', 'person.residence'],
    ['Trú tại', 'person.residence'],
    ['Nguyên quán', 'person.hometown'],
    ['Nơi ĐKKS', 'person.birthRegistrationPlace'],
    ['Họ, chữ đệm và tên khai sinh', 'person.fullName'],
    ['Số thuê bao di động', 'person.phone'],
    ['Place of residence', 'person.residence'],
  ])('%s → %s', (label, key) => {
    expect(keys(form({ f: text(label) }))['/f']).toBe(key);
  });

  it('a label that says more than the particular is not read as it ("Địa chỉ thường trú của chủ hộ")', () => {
    expect(keys(form({ f: text('Địa chỉ thường trú của chủ hộ') }))['/f']).not.toBe('person.permanentAddress');
  });
});

// Label shapes that bind without the form's exact wording in the vocabulary (docs/binding-and-fill-policy.md §1).
// Labels are written here by hand in the shapes official forms use; none is copied from the evaluation forms.
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { fillForm } from './fill';
import { idNumberKey, nameByAddress } from './internal/label-rules';
import { syntheticProfile } from './internal/test-profile';
import type { FormSchema } from './types';

const date = (title: string, names: [string, string, string] = ['d', 'm', 'y']): FormSchema => ({
  type: 'object',
  title,
  properties: {
    [names[0]]: { type: 'string', title: 'Ngày' },
    [names[1]]: { type: 'string', title: 'Tháng' },
    [names[2]]: { type: 'string', title: 'Năm' },
  },
});
const text = (title: string): FormSchema => ({ type: 'string', title });
const keysOf = (schema: FormSchema) => Object.fromEntries(bindForm(schema).fields.map((f) => [f.pointer, f.key]));
const now = new Date(2026, 2, 5);

describe('ID numbers under any mix of document names', () => {
  it.each([
    ['Số CCCD/CMND/Hộ chiếu', 'person.idNumber'],
    ['Số thẻ căn cước hoặc số định danh cá nhân', 'person.idNumber'],
    ['Số CMTND hoặc Hộ chiếu', 'person.idNumber'],
    ['Số chứng minh nhân dân', 'person.oldIdNumber'],
    ['Giấy CMTND số', 'person.oldIdNumber'],
    ['Hộ chiếu số', 'person.passport.number'],
    ['Số định danh cá nhân đã được cấp', 'person.idNumber'],
  ])('%s → %s', (label, key) => {
    expect(idNumberKey(label)).toBe(key);
    expect(keysOf({ type: 'object', properties: { x: text(label) } })['/x']).toBe(key);
  });

  it.each(['Ngày cấp CMND', 'Nơi cấp CCCD', 'CMND cấp tại', 'Mã số BHXH'])('%s is not a number label', (label) => {
    expect(idNumberKey(label)).toBeUndefined();
  });

  it('gives the issue date and place of that document: CCCD, CMND or passport', () => {
    const one = (properties: Record<string, FormSchema>) => keysOf({ type: 'object', properties });
    expect(one({ so: text('Số thẻ căn cước'), noi: text('Nơi cấp'), ngay: date('Ngày cấp') })).toMatchObject({
      '/noi': 'person.idDocument.issuer',
      '/ngay/m': 'person.idDocument.issueDate.month',
    });
    expect(one({ so: text('Số chứng minh thư'), noi: text('Cơ quan cấp'), ngay: date('ngày') })).toMatchObject({
      '/noi': 'person.oldIdDocument.issuer',
      '/ngay/m': 'person.oldIdDocument.issueDate.month',
    });
    expect(one({ so: text('Hộ chiếu số'), ngay: date('cấp ngày') })).toMatchObject({
      '/ngay/y': 'person.passport.issueDate.year',
    });
  });
});

describe('date groups by their label', () => {
  it('reads three fields under "Sinh ngày", "Ngày cấp", "Chết ngày", "Ngày đăng ký kết hôn", with neutral or camelCase names', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        f1: {
          type: 'object',
          properties: {
            f2: text('Họ và tên'),
            f3: date('Sinh ngày', ['a1', 'a2', 'a3']),
            f4: text('Số CCCD'),
            f5: date('Ngày cấp'),
          },
        },
        ketHon: {
          type: 'object',
          properties: { ngayDangKyKetHon: date('Ngày đăng ký kết hôn', ['ngay', 'thang', 'nam']) },
        },
        chet: { type: 'object', title: 'Người đã chết', properties: { chetNgay: date('Chết ngày') } },
      },
    };
    const bound = keysOf(schema);
    expect(bound['/f1/f3/a1']).toBe('person.birthDate.day');
    expect(bound['/f1/f5/y']).toBe('person.idDocument.issueDate.year');
    expect(bound['/ketHon/ngayDangKyKetHon/thang']).toBe('person.marriage.registrationDate.month');
    expect(bound['/chet/chetNgay/d']).toBe('person.deceased.deathDate.day');
    const filled = fillForm(schema, syntheticProfile(), { now });
    expect(filled.data).toMatchObject({
      f1: { f3: { a1: '14', a2: '07', a3: '1999' }, f5: { d: '10', m: '05', y: '2021' } },
    });
  });

  it('fills a three-part array in the order its parts are titled, and nothing when they are not', () => {
    const parts = (titles: string[], type = 'string'): FormSchema => ({
      type: 'array',
      title: 'Sinh ngày',
      prefixItems: titles.map((title) => ({ type, title })),
      minItems: 3,
      maxItems: 3,
    });
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: parts(['Ngày', 'Tháng', 'Năm']),
        b: parts(['Năm', 'Tháng', 'Ngày'], 'integer'),
        c: { type: 'array', title: 'Sinh ngày', items: { type: 'string' } },
      },
    };
    const filled = fillForm(schema, syntheticProfile(), { now });
    expect(filled.data).toEqual({ a: ['14', '07', '1999'], b: [1999, 7, 14] });
    expect(filled.fields.find((f) => f.pointer === '/c')).toMatchObject({
      status: 'empty',
      reason: 'invalid-for-field',
    });
  });

  it("reads a whole date written in one field by its label, and never as the signature date inside a person's block", () => {
    const bound = keysOf({
      type: 'object',
      properties: {
        a: { type: 'object', properties: { so: text('Số CCCD'), cap: text('cấp ngày … tháng … năm …') } },
        b: {
          type: 'object',
          title: 'Người đã chết',
          properties: {
            baoTu: text('Giấy báo tử số'),
            cap: text('cấp ngày … tháng … năm …'),
            chet: text('ngày … tháng … năm …'),
          },
        },
        c: { type: 'object', title: 'Giấy tờ tùy thân', properties: { ngayCap: text('Ngày cấp') } },
      },
    });
    expect(bound).toMatchObject({
      '/a/cap': 'person.idDocument.issueDate',
      '/c/ngayCap': 'person.idDocument.issueDate',
    });
    expect([bound['/b/cap'], bound['/b/chet']]).toEqual([undefined, undefined]);
  });

  it('an issue date with no document named or before it binds nothing', () => {
    expect(
      keysOf({ type: 'object', properties: { x: text('Họ và tên'), g: date('Ngày cấp') } })['/g/d'],
    ).toBeUndefined();
  });
});

describe('names asked by how the sentence addresses the person', () => {
  it.each([
    'Tôi tên là',
    'Tôi là',
    'Em là',
    'Đại diện là ông (bà)',
    'Ông (Bà)',
    'Xác nhận anh/chị (chữ in hoa, có dấu)',
    'Người xin cấp giấy phép',
  ])('%s asks a name', (label) => {
    expect(nameByAddress(label)).toBe(true);
  });
  it.each(['Tôi xin cam đoan', 'Ông bà nội', 'Số nhà'])('%s does not', (label) => {
    expect(nameByAddress(label)).toBe(false);
  });

  it('fills capitals when the label asks for them, the full name otherwise, and "Tên" is the given name only after "Họ"', () => {
    const fill = (properties: Record<string, FormSchema>) =>
      fillForm({ type: 'object', properties }, syntheticProfile(), { now }).data;
    expect(fill({ ten: text('Tôi tên là (viết chữ in hoa)') })).toEqual({ ten: 'NGUYỄN THỊ THỬ' });
    expect(fill({ ten: text('Tên') })).toEqual({ ten: 'Nguyễn Thị Thử' });
    expect(fill({ ho: text('Họ'), ten: text('Tên') })).toEqual({ ho: 'Nguyễn', ten: 'Thử' });
  });
});

describe('people in a run of fields', () => {
  it('a second person in the same section, or one introduced in prose, gets nothing of the subject', () => {
    const flat: FormSchema = {
      type: 'object',
      properties: {
        f1: text('Tôi tên là'),
        f2: date('Sinh ngày'),
        f3: text('Ông (Bà)'),
        f4: date('Sinh ngày'),
        f5: text('Dân tộc'),
      },
    };
    expect(fillForm(flat, syntheticProfile(), { now }).data).toEqual({
      f1: 'Nguyễn Thị Thử',
      f2: { d: '14', m: '07', y: '1999' },
    });
    expect(keysOf(flat)).toMatchObject({
      '/f3': 'person.other.fullName',
      '/f4/d': 'person.other.birthDate.day',
      '/f5': 'person.other.ethnicity',
    });
    const prose: FormSchema = {
      type: 'object',
      properties: {
        g1: text('Họ và tên'),
        g2: text('Là cha/mẹ của em'),
        g3: date('Sinh ngày'),
        g4: text('Thường trú tại'),
      },
    };
    expect(fillForm(prose, syntheticProfile(), { now }).data).toEqual({ g1: 'Nguyễn Thị Thử' });
    expect(keysOf(prose)).toMatchObject({
      '/g3/d': 'person.other.birthDate.day',
      '/g4': 'person.other.permanentAddress',
    });
  });

  it("a relation's name inline gives the particulars after it to that relation, an address to nobody, contacts stay the applicant's", () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: text('Họ và tên'),
        b: text('Họ tên mẹ'),
        c: text('Năm sinh'),
        d: text('Địa chỉ thường trú'),
        e: text('Số điện thoại'),
      },
    };
    const bound = keysOf(schema);
    expect([bound['/b'], bound['/c'], bound['/d'], bound['/e']]).toEqual([
      'person.mother.fullName',
      'person.mother.birthDate.year',
      'person.other.permanentAddress',
      'person.phone',
    ]);
  });

  it('a person the vocabulary has no role for is someone else', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: text('Họ và tên'),
        b: text('Họ tên người bị tố cáo'),
        c: { type: 'object', title: 'Thông tin thân nhân', properties: { ten: text('Họ và tên') } },
      },
    };
    expect(keysOf(schema)).toMatchObject({
      '/a': 'person.fullName',
      '/b': 'person.other.fullName',
      '/c/ten': 'person.other.fullName',
    });
  });

  it('property names that name the person: spouseDateOfBirth, dependentInformation, pointOfContact, ngaySinhMe', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        veteranDateOfBirth: { type: 'string', format: 'date' },
        spouseDateOfBirth: { type: 'string', format: 'date' },
        dependentInformation: { type: 'object', properties: { email: { type: 'string' } } },
        pointOfContact: { type: 'object', properties: { email: { type: 'string' } } },
        contactInformation: { type: 'object', properties: { email: { type: 'string' } } },
        ngaySinhMe: { type: 'string' },
      },
    };
    expect(keysOf(schema)).toMatchObject({
      '/veteranDateOfBirth': 'person.other.birthDate',
      '/spouseDateOfBirth': 'person.spouse.birthDate',
      '/dependentInformation/email': 'person.other.email',
      '/pointOfContact/email': 'person.other.email',
      '/contactInformation/email': 'person.email',
    });
    // The role word dilutes the name's match below the threshold: reported with the mother's key, never the subject's.
    expect(bindForm(schema).fields.find((f) => f.pointer === '/ngaySinhMe')?.candidates?.[0]?.key).toBe(
      'person.mother.birthDate',
    );
  });

  it('sections about another person fill only from that relation (English forms too)', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          title: 'Applicant',
          properties: { fullName: { type: 'string', title: 'Full name' } },
        },
        secondaryContact: {
          type: 'object',
          title: 'Secondary contact',
          properties: { fullName: { type: 'string', title: 'Full name' } },
        },
        spouse: {
          type: 'object',
          title: 'Spouse information',
          properties: { fullName: { type: 'string', title: 'Full name' } },
        },
        dependent: {
          type: 'object',
          title: 'Dependent',
          properties: { fullName: { type: 'string', title: 'Full name' } },
        },
      },
    };
    const filled = fillForm(schema, syntheticProfile({ 'person.spouse.fullName': { value: 'Lê Văn Mẫu' } }), { now });
    expect(filled.data).toEqual({ applicant: { fullName: 'Nguyễn Thị Thử' }, spouse: { fullName: 'Lê Văn Mẫu' } });
  });
});

describe('what a section or a hint restricts', () => {
  it('"(tỉnh, thành phố)" asks only the province; a section about an organisation takes no person\'s contacts', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        hoTen: text('Họ và tên'),
        noiSinh: text('Nơi sinh (tỉnh, thành phố)'),
        hkd: {
          type: 'object',
          title: 'Đăng ký hộ kinh doanh',
          properties: { dienThoai: text('Điện thoại'), email: text('Email') },
        },
      },
    };
    const bound = keysOf(schema);
    expect(bound).toMatchObject({
      '/noiSinh': 'person.birthPlace.province',
      '/hkd/dienThoai': 'person.other.phone',
      '/hkd/email': 'person.other.email',
    });
  });
});

describe("the declaration's date only in the citizen's own section", () => {
  it("never dates an authority's confirmation", () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {
          type: 'object',
          title: 'Xác nhận của Ủy ban nhân dân xã',
          properties: { noi: { type: 'string' }, ngay: date('ngày') },
        },
        b: { type: 'object', properties: { hoTen: text('Họ và tên'), noi: { type: 'string' }, ngay: date('ngày') } },
      },
    };
    const bound = keysOf(schema);
    expect(bound['/a/ngay/d']).toBeUndefined();
    expect(bound['/a/noi']).toBeUndefined();
    expect(bound['/b/ngay/d']).toBe('form.signingDate.day');
    expect(bound['/b/noi']).toBe('form.signingPlace');
  });

  it("places the declaration in the subject's current commune, and nowhere when that is not known", () => {
    const schema: FormSchema = {
      type: 'object',
      properties: { hoTen: text('Họ và tên'), noi: { type: 'string' }, ngay: date('ngày') },
    };
    const current = syntheticProfile({
      'person.permanentAddress': { value: 'Số 1 Đường Mẫu, Phường Ba Đình, Thành phố Hà Nội' },
    });
    expect(fillForm(schema, current, { now }).data).toMatchObject({
      noi: 'Phường Ba Đình',
      ngay: { d: '05', m: '03', y: '2026' },
    });
    // An address from before the 2025 reform names a commune that may no longer exist: without a gazetteer, left empty.
    const old = syntheticProfile({
      'person.permanentAddress': { value: 'Số 1 Đường Mẫu, Phường Thử, Quận Mẫu, Thành phố Hà Nội' },
    });
    expect(fillForm(schema, old, { now }).fields.find((f) => f.pointer === '/noi')).toMatchObject({
      key: 'form.signingPlace',
      status: 'empty',
      reason: 'no-data',
    });
  });
});

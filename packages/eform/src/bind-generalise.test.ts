// Rules added so that binding generalises to forms never seen (issue 12 item 3, docs/binding-and-fill-policy.md
// "Rules added for forms never seen"). Labels are written by hand in the shapes official forms use.
import { describe, expect, it } from 'vitest';
import { bindForm } from './bind';
import { date, filled, form, section, text } from './internal/test-schema-kit';
import type { FormSchema } from './types';

describe('a section about someone who died is never the subject', () => {
  it.each([
    'I. THÔNG TIN NGƯỜI CHẾT (nếu có)',
    'Thông tin người đã mất',
    'Người từ trần',
    'Thông tin về người đã qua đời',
  ])('%s', (heading) => {
    const schema = form({
      a: section(heading, { ten: text('Họ và tên'), ns: date('Ngày/tháng/năm sinh'), dt: text('Dân tộc') }),
      b: section('Người đề nghị', { ten: text('Họ và tên') }),
    });
    const keys = bindForm(schema).fields.map((f) => f.key);
    expect(keys.slice(0, 5).every((k) => k === undefined || !/^person\.(fullName|birthDate|ethnicity)/.test(k))).toBe(
      true,
    );
    expect(filled(schema)).toEqual({ '/b/ten': 'Nguyễn Thị Thử' });
  });
});

describe('a section headed by a short relation word is that relation', () => {
  it.each([
    ['II. THÔNG TIN VỀ CON (nếu có)', 'child'],
    ['Thông tin của mẹ', 'mother'],
    ['Phần về cha', 'father'],
    ['3. Vợ', 'spouse'],
  ])('%s → %s', (heading, role) => {
    const schema = form({
      a: section('Người khai', { ten: text('Họ, chữ đệm, tên') }),
      b: section(heading, { ten: text('Họ và tên'), ns: date('Sinh ngày') }),
    });
    const keys = bindForm(schema).fields.map((f) => f.key);
    expect(keys.slice(1)).toEqual([
      `person.${role}.fullName`,
      `person.${role}.birthDate.day`,
      `person.${role}.birthDate.month`,
      `person.${role}.birthDate.year`,
    ]);
    expect(Object.keys(filled(schema))).toEqual(['/a/ten']);
  });
});

describe('issue date and place follow the ID number just before them', () => {
  it('an ID number whose owner the label does not name leaves its issue date and place empty, with a reason', () => {
    const schema = form({
      s: section('Phần tự kê khai', {
        so: text('Số CCCD/CMND/Hộ chiếu của chủ phương tiện'),
        ngay: date('cấp ngày'),
        tai: text('tại'),
      }),
    });
    const binding = bindForm(schema);
    expect(binding.fields.map((f) => f.key)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(binding.diagnostics.filter((d) => d.code === 'EFORM_BINDING_AMBIGUOUS').length).toBeGreaterThan(0);
    expect(filled(schema)).toEqual({});
  });

  it('a number qualified by a known other person ("của người làm thủ tục") is that person\'s, and so is its issue', () => {
    const schema = form({
      s: section('Khai báo', {
        ten: text('Họ và tên'),
        so: text('Số CCCD/CMND/Hộ chiếu'),
        ngay: date('cấp ngày'),
        tai: text('tại'),
        so2: text('Số CCCD/CMND/Hộ chiếu của người làm thủ tục'),
        ngay2: date('cấp ngày'),
        tai2: text('tại'),
      }),
    });
    const keys = Object.fromEntries(bindForm(schema).fields.map((f) => [f.pointer, f.key]));
    expect(keys['/s/so']).toBe('person.idNumber');
    expect(keys['/s/ngay/d']).toBe('person.idDocument.issueDate.day');
    expect(keys['/s/so2']).toBe('person.agent.idNumber');
    const got = filled(schema);
    expect(got['/s/ngay/y']).toBe('2021');
    for (const p of ['/s/so2', '/s/ngay2/d', '/s/ngay2/m', '/s/ngay2/y', '/s/tai2']) expect(got[p]).toBeUndefined();
  });
});

describe('capitals when the label asks', () => {
  it('"Họ và tên (viết chữ in hoa)" is the whole name in capitals, not left empty for a tie', () => {
    expect(filled(form({ a: text('Họ và tên (viết chữ in hoa)') }))).toEqual({ '/a': 'NGUYỄN THỊ THỬ' });
  });
});

describe('Form.io and SurveyJS panels tell people apart even untitled', () => {
  const person = (n: string) => [
    { type: 'textfield', key: `ten${n}`, label: 'Họ và tên' },
    { type: 'textfield', key: `so${n}`, label: 'Số CCCD' },
    {
      type: 'container',
      key: `ngay${n}`,
      label: 'Ngày cấp',
      components: [
        { type: 'textfield', key: 'd', label: 'Ngày' },
        { type: 'textfield', key: 'm', label: 'Tháng' },
        { type: 'textfield', key: 'y', label: 'Năm' },
      ],
    },
  ];
  it('Form.io: a second untitled panel with a name is someone else', () => {
    const formio = {
      display: 'form',
      components: [
        { type: 'panel', key: 'p1', input: false, components: person('1') },
        { type: 'panel', key: 'p2', input: false, components: person('2') },
      ],
    };
    const got = filled(formio as unknown as FormSchema);
    expect(got['/ten1']).toBe('Nguyễn Thị Thử');
    expect(Object.keys(got).filter((p) => p.includes('2'))).toEqual([]);
  });

  it('SurveyJS: two panels with the same title are two blocks', () => {
    const q = (n: string) => [
      { type: 'text', name: `ten${n}`, title: 'Họ và tên' },
      { type: 'text', name: `so${n}`, title: 'Số CCCD' },
    ];
    const survey = {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'panel', name: 'a', title: 'Thông tin', elements: q('1') },
            { type: 'panel', name: 'b', title: 'Thông tin', elements: q('2') },
          ],
        },
      ],
    };
    const got = filled(survey as unknown as FormSchema);
    expect(got).toEqual({ '/ten1': 'Nguyễn Thị Thử', '/so1': '001199012345' });
  });
});

describe('relations named in headings and labels', () => {
  it('a heading naming several people ("Thông tin về cha, mẹ, vợ/chồng") is no one person\'s: inline names decide', () => {
    const schema = form({
      a: section('Thông tin người yêu cầu', { ten: text('Họ và tên') }),
      b: section('THÔNG TIN VỀ CHA, MẸ, VỢ/CHỒNG', {
        cha: text('Họ và tên cha'),
        nsCha: date('Ngày, tháng, năm sinh'),
        vo: text('Họ và tên vợ/chồng'),
        nsVo: date('Ngày, tháng, năm sinh'),
      }),
    });
    const keys = Object.fromEntries(bindForm(schema).fields.map((f) => [f.pointer, f.key]));
    expect(keys['/b/cha']).toBe('person.father.fullName');
    expect(keys['/b/nsCha/y']).toBe('person.father.birthDate.year');
    expect(keys['/b/vo']).toBe('person.spouse.fullName');
    expect(keys['/b/nsVo/y']).toBe('person.spouse.birthDate.year');
  });

  it('"Cha: họ và tên" and "Mẹ: họ và tên" are the father\'s and the mother\'s names', () => {
    const schema = form({
      s: section('Tờ khai', {
        ten: text('Họ, chữ đệm và tên'),
        cha: text('12. Cha: họ và tên'),
        me: text('Mẹ: họ và tên'),
      }),
    });
    expect(bindForm(schema).fields.map((f) => f.key)).toEqual([
      'person.fullName',
      'person.father.fullName',
      'person.mother.fullName',
    ]);
  });

  it("an authority's \"Xác nhận ông/bà …\" does not make the citizen's own block someone else's", () => {
    const schema = form({
      a: section('SƠ YẾU LÝ LỊCH', { ten: text('Họ và tên'), dt: text('Dân tộc') }),
      x: section('XÁC NHẬN CỦA CÔNG AN XÃ', { ten: text('Xác nhận ông/bà') }),
    });
    expect(filled(schema)).toMatchObject({ '/a/ten': 'Nguyễn Thị Thử', '/a/dt': 'Kinh' });
  });

  it('a history table ("Quá trình cư trú", "Residence history") takes no current fact', () => {
    for (const heading of ['QUÁ TRÌNH CƯ TRÚ (tính từ khi đủ 14 tuổi)', 'Residence history']) {
      const schema = form({
        a: section('Người khai', { ten: text('Họ và tên') }),
        h: section(heading, { tu: text('Từ năm'), noi: text('Nơi cư trú'), dc: text('Địa chỉ thường trú') }),
      });
      expect(filled(schema)).toEqual({ '/a/ten': 'Nguyễn Thị Thử' });
    }
  });
});

describe('English ID labels', () => {
  it('"Personal identification number", "ID card number" with "Date of issue" and "Place of issue"', () => {
    const schema = form({
      applicant: section('Applicant information', {
        name: text('Full name'),
        id: text('Personal identification number'),
        issued: date('Date of issue'),
        place: text('Place of issue'),
      }),
    });
    expect(bindForm(schema).fields.map((f) => f.key)).toEqual([
      'person.fullName',
      'person.idNumber',
      'person.idDocument.issueDate.day',
      'person.idDocument.issueDate.month',
      'person.idDocument.issueDate.year',
      'person.idDocument.issuer',
    ]);
    expect(bindForm(form({ id: text('ID card number') })).fields[0]?.key).toBe('person.idNumber');
  });
});

describe('an ID number "của người yêu cầu"', () => {
  it("is the requester's own, with its issue date", () => {
    const schema = form({
      s: section('Tờ khai', { ten: text('Họ và tên'), so: text('Số CCCD của người yêu cầu'), ngay: date('Ngày cấp') }),
    });
    expect(filled(schema)).toMatchObject({ '/s/so': '001199012345', '/s/ngay/y': '2021' });
  });
});

describe('English labels asking a part of the name', () => {
  it('never get the whole name: the family name binds, first / given / middle name stay empty with a reason', () => {
    const schema = form({
      last: text('Last name'),
      first: text('First name'),
      middle: text('Middle name'),
      given: text('Given name'),
    });
    const binding = bindForm(schema);
    expect(binding.fields.map((f) => f.key)).toEqual(['person.familyName', undefined, undefined, undefined]);
    expect(binding.diagnostics.filter((d) => d.code === 'EFORM_BINDING_AMBIGUOUS')).toHaveLength(3);
    expect(filled(schema)).toEqual({ '/last': 'Nguyễn' });
  });
});

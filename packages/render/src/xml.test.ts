import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RenderSchema } from './types';
import { renderXml, toXmlName } from './xml';

const schema = JSON.parse(
  readFileSync(
    new URL('../../../schemas/forms/ct01-to-khai-thay-doi-thong-tin-cu-tru.schema.json', import.meta.url),
    'utf8',
  ),
) as RenderSchema;

describe('renderXml', () => {
  it('renders the CT01 form in schema order', () => {
    const xml = renderXml(
      {
        data: {
          hoTen: 'Nguyễn Thị Thử',
          ngaySinh: '14/07/1999',
          gioiTinh: 'Nữ',
          soDinhDanh: '001199012345',
          noiDungDeNghi: 'Đăng ký thường trú <số 1> & "tầng 2"\u0001',
          thanhVienCungThayDoi: [{ hoTen: 'Nguyễn Văn Mầm', gioiTinh: 'Nam' }],
        },
      },
      schema,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <ToKhaiThayDoiThongTinCuTru>
        <kinhGui/>
        <hoTen>Nguyễn Thị Thử</hoTen>
        <ngaySinh>14/07/1999</ngaySinh>
        <gioiTinh>Nữ</gioiTinh>
        <soDinhDanh>001199012345</soDinhDanh>
        <soDienThoai/>
        <email/>
        <hoTenChuHo/>
        <quanHeVoiChuHo/>
        <soDinhDanhChuHo/>
        <noiDungDeNghi>Đăng ký thường trú &lt;số 1&gt; &amp; &quot;tầng 2&quot;</noiDungDeNghi>
        <thanhVienCungThayDoi>
          <item>
            <hoTen>Nguyễn Văn Mầm</hoTen>
            <ngaySinh/>
            <gioiTinh>Nam</gioiTinh>
            <soDinhDanh/>
            <quanHeVoiChuHo/>
          </item>
        </thanhVienCungThayDoi>
        <ngayKhai/>
      </ToKhaiThayDoiThongTinCuTru>
      "
    `);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.ToKhaiThayDoiThongTinCuTru.noiDungDeNghi).toBe('Đăng ký thường trú <số 1> & "tầng 2"');
  });

  it('names the root from the title and skips empty fields on request', () => {
    const xml = renderXml(
      { data: { 'họ tên': 'An', '1st': 2, nhom: {} } },
      {
        title: 'Tờ khai đăng ký',
        type: 'object',
        properties: {
          'họ tên': { type: 'string' },
          '1st': { type: 'integer' },
          nhom: { type: 'object', properties: { a: {} } },
        },
      },
      { includeEmpty: false, declaration: false },
    );
    expect(xml).toMatchInlineSnapshot(`
      "<ToKhaiDangKy>
        <ho_ten>An</ho_ten>
        <_1st>2</_1st>
      </ToKhaiDangKy>
      "
    `);
    expect(toXmlName('xmlThing')).toBe('_xmlThing');
  });
});

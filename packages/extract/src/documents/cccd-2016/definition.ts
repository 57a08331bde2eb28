import type { CardFrontLabels } from '../../cccd-front';
import { RENEWAL_AGES_2014 } from '../cccd-2021/definition';
import * as p from '../../field-parsers';
import { identifyingMarksField } from '../../id-card-fields';
import { defineIdCard } from '../../id-card-model';
import type { ReaderSpec } from '../../field-reader';

/** Front labels of the 2016 card: Vietnamese only. */
export const CCCD_2016_FRONT: CardFrontLabels = {
  name: ['ho va ten'],
  birth: ['ngay, thang, nam sinh', 'ngay thang nam sinh'],
  sex: ['gioi tinh'],
  nationality: ['quoc tich'],
  hometown: ['que quan'],
  residence: ['noi thuong tru'],
  expiry: ['co gia tri den'],
};

/**
 * Back of the 2016 card for the shared reader: identifying marks under their label (wrapped lines
 * indented or flush), then `Ngày dd tháng mm năm yyyy`; the issuer is read by `readCardIssuer`.
 */
export const CCCD_2016_BACK: ReaderSpec = {
  roles: [],
  stops: ['Cục trưởng', 'Ngón trỏ trái', 'Ngón trỏ phải', 'Ngón trỏ'],
  fields: [
    identifyingMarksField(['Đặc điểm nhận dạng', 'Đặc điểm nhân dạng']),
    { key: 'document.issueDate', labels: ['Ngày'], parse: p.parseDayMonthYear, reread: true, mayBeCut: false },
  ],
};

/** The citizen ID card without chip (Căn cước công dân, 2016 model, TT 61/2015/TT-BCA): front and back. */
export const cccd2016 = defineIdCard({
  id: 'cccd-2016',
  kind: 'identity',
  docCodeKind: 'CCCD',
  schema: 'https://sohoa.dev/schemas/documents/cccd-2016.schema.json',
  title: 'Căn cước công dân (mẫu 2016, không gắn chip)',
  front: {
    columns: CCCD_2016_FRONT,
    markers: {
      anchors: ['can cuoc cong dan', 'co gia tri den'],
      markers: [
        'can cuoc cong dan',
        'ho va ten',
        'ngay, thang, nam sinh',
        'gioi tinh',
        'quoc tich',
        'que quan',
        'noi thuong tru',
        'co gia tri den',
      ],
      excludes: [
        'citizen identity',
        'full name',
        'date of birth',
        'place of origin',
        'place of residence',
        'nationality',
        'chung minh nhan dan',
        'so dinh danh ca nhan',
      ],
    },
  },
  back: {
    reader: CCCD_2016_BACK,
    fallback: {
      idNumber: false,
      places: [
        { key: 'person.identifyingMarks', labels: ['dac diem nhan dang'], lines: 2, parse: p.parseIdentifyingMarks },
      ],
      stops: ['ngay', 'cuc truong', 'ngon tro'],
    },
    markers: {
      anchors: ['dac diem nhan dang', 'ngon tro trai', 'ngon tro phai', 'dkql', 'dlqg'],
      markers: [
        'dac diem nhan dang',
        'ngon tro trai',
        'ngon tro phai',
        'cuc truong',
        'dkql',
        'cu tru',
        'dlqg',
        've dan cu',
      ],
      excludes: [
        'personal identification',
        'quan ly hanh chinh',
        'date, month, year',
        '#mrz',
        '#qr',
        'bo cong an',
        'dau vet rieng',
        'ton giao',
        'giam doc',
      ],
    },
  },
  machineReadable: { qr: false, mrz: false },
  validity: { renewalAges: RENEWAL_AGES_2014, shownOnEverySide: false },
  addressKeys: ['person.hometown', 'person.permanentAddress'],
  copies: [['person.idNumber', 'document.number']],
  implied: { issuer: 'Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư', nationality: 'Việt Nam' },
});

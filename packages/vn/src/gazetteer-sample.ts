import type { AdminUnit, GazetteerSource } from './types';

type Row = [code: string, type: AdminUnit['type'], name: string, parent?: string];

// A handful of real units (public GSO facts, written by hand): enough to test lookup, resolution and a split.
const OLD: { province: string; rows: Row[] }[] = [
  {
    province: '01',
    rows: [
      ['01', 'thành phố', 'Hà Nội'],
      ['001', 'quận', 'Ba Đình', '01'],
      ['00001', 'phường', 'Phúc Xá', '001'],
      ['00004', 'phường', 'Trúc Bạch', '001'],
      ['00016', 'phường', 'Ngọc Hà', '001'],
      ['00019', 'phường', 'Điện Biên', '001'],
    ],
  },
  {
    province: '79',
    rows: [
      ['79', 'thành phố', 'Hồ Chí Minh'],
      ['760', 'quận', '1', '79'],
      ['26743', 'phường', 'Bến Thành', '760'],
    ],
  },
  {
    province: '92',
    rows: [
      ['92', 'thành phố', 'Cần Thơ'],
      ['918', 'quận', 'Bình Thuỷ', '92'],
      ['31180', 'phường', 'Long Hoà', '918'],
    ],
  },
];

const CURRENT: { province: string; rows: Row[] }[] = [
  {
    province: '01',
    rows: [
      ['01', 'thành phố', 'Hà Nội'],
      ['00004', 'phường', 'Ba Đình', '01'],
      ['00008', 'phường', 'Ngọc Hà', '01'],
      ['00025', 'phường', 'Giảng Võ', '01'],
      ['00070', 'phường', 'Hoàn Kiếm', '01'],
      ['00097', 'phường', 'Hồng Hà', '01'],
      ['00190', 'phường', 'Ô Chợ Dừa', '01'],
      ['00226', 'phường', 'Văn Miếu - Quốc Tử Giám', '01'],
    ],
  },
  {
    province: '79',
    rows: [
      ['79', 'thành phố', 'Hồ Chí Minh'],
      ['26743', 'phường', 'Bến Thành', '79'],
      ['25792', 'xã', 'Long Hoà', '79'],
    ],
  },
  {
    province: '91',
    rows: [
      ['91', 'tỉnh', 'An Giang'],
      ['31078', 'đặc khu', 'Phú Quốc', '91'],
    ],
  },
  {
    province: '92',
    rows: [
      ['92', 'thành phố', 'Cần Thơ'],
      ['31183', 'phường', 'Long Tuyền', '92'],
    ],
  },
];

const LEVEL_BY_LENGTH: Record<number, AdminUnit['level']> = { 2: 'province', 3: 'district', 5: 'commune' };

function units(era: AdminUnit['era'], groups: typeof OLD): AdminUnit[] {
  return groups.flatMap(({ province, rows }) =>
    rows.map(([code, type, name, parent]) => ({
      code,
      name,
      type,
      level: LEVEL_BY_LENGTH[code.length]!,
      era,
      province,
      ...(parent && { parent }),
    })),
  );
}

/**
 * A tiny built-in gazetteer source of a few real units (Hà Nội: Quận Ba Đình and four of its old wards;
 * Phường Bến Thành; Phường Long Hoà of Cần Thơ; Đặc khu Phú Quốc) with their old→new mapping, for tests and
 * examples. Old Phường Ngọc Hà and Phường Điện Biên were split; the others went whole to one current unit.
 * For real use load the public datasets with `loadGazetteer({ dir })`.
 */
export const SAMPLE_GAZETTEER: GazetteerSource = Object.freeze<GazetteerSource>({
  description: 'Built-in sample: a few real units, written by hand from public GSO facts.',
  units: [...units('old', OLD), ...units('current', CURRENT)],
  mappings: [
    {
      name: 'sample',
      communes: {
        '00001': ['00097'],
        '00004': ['00004'],
        '00016': ['00004', '00008'],
        '00019': ['00070', '00004', '00226', '00190'],
        '26743': ['26743'],
        '31180': ['31183'],
      },
    },
  ],
  aliases: [{ era: 'old', level: 'district', code: '760', alias: 'Q1' }],
});

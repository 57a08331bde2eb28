import type { Province34, Province63 } from './types';

type Row63 = [code: string, name: string, kind: 'city' | 'province', newCode: string, aliases?: string[]];

// Pre-2025 statistical codes padded to 3 digits, as in the personal ID (research notes §2.1, VERIFIED table).
const ROWS_63: Row63[] = [
  ['001', 'Hà Nội', 'city', '01', ['HN', 'TP Hà Nội', 'Thủ đô Hà Nội']],
  ['002', 'Hà Giang', 'province', '08'],
  ['004', 'Cao Bằng', 'province', '04'],
  ['006', 'Bắc Kạn', 'province', '19', ['Bắc Cạn']],
  ['008', 'Tuyên Quang', 'province', '08'],
  ['010', 'Lào Cai', 'province', '15'],
  ['011', 'Điện Biên', 'province', '11'],
  ['012', 'Lai Châu', 'province', '12'],
  ['014', 'Sơn La', 'province', '14'],
  ['015', 'Yên Bái', 'province', '15'],
  ['017', 'Hoà Bình', 'province', '25'],
  ['019', 'Thái Nguyên', 'province', '19'],
  ['020', 'Lạng Sơn', 'province', '20'],
  ['022', 'Quảng Ninh', 'province', '22'],
  ['024', 'Bắc Giang', 'province', '24'],
  ['025', 'Phú Thọ', 'province', '25'],
  ['026', 'Vĩnh Phúc', 'province', '25'],
  ['027', 'Bắc Ninh', 'province', '24'],
  ['030', 'Hải Dương', 'province', '31'],
  ['031', 'Hải Phòng', 'city', '31', ['HP', 'TP Hải Phòng']],
  ['033', 'Hưng Yên', 'province', '33'],
  ['034', 'Thái Bình', 'province', '33'],
  ['035', 'Hà Nam', 'province', '37'],
  ['036', 'Nam Định', 'province', '37'],
  ['037', 'Ninh Bình', 'province', '37'],
  ['038', 'Thanh Hoá', 'province', '38'],
  ['040', 'Nghệ An', 'province', '40'],
  ['042', 'Hà Tĩnh', 'province', '42'],
  ['044', 'Quảng Bình', 'province', '44'],
  ['045', 'Quảng Trị', 'province', '44'],
  ['046', 'Thừa Thiên Huế', 'province', '46', ['Thừa Thiên - Huế', 'TT Huế', 'TT-Huế', 'Huế']],
  ['048', 'Đà Nẵng', 'city', '48', ['ĐN', 'TP Đà Nẵng']],
  ['049', 'Quảng Nam', 'province', '48'],
  ['051', 'Quảng Ngãi', 'province', '51'],
  ['052', 'Bình Định', 'province', '52'],
  ['054', 'Phú Yên', 'province', '66'],
  ['056', 'Khánh Hoà', 'province', '56'],
  ['058', 'Ninh Thuận', 'province', '56'],
  ['060', 'Bình Thuận', 'province', '68'],
  ['062', 'Kon Tum', 'province', '51', ['Kontum']],
  ['064', 'Gia Lai', 'province', '52'],
  ['066', 'Đắk Lắk', 'province', '66', ['Đắc Lắc', 'Daklak', 'Đăk Lăk']],
  ['067', 'Đắk Nông', 'province', '68', ['Đắc Nông', 'Daknong', 'Đăk Nông']],
  ['068', 'Lâm Đồng', 'province', '68'],
  ['070', 'Bình Phước', 'province', '75'],
  ['072', 'Tây Ninh', 'province', '80'],
  ['074', 'Bình Dương', 'province', '79'],
  ['075', 'Đồng Nai', 'province', '75'],
  ['077', 'Bà Rịa - Vũng Tàu', 'province', '79', ['Bà Rịa Vũng Tàu', 'BR-VT', 'BRVT', 'Vũng Tàu']],
  [
    '079',
    'Hồ Chí Minh',
    'city',
    '79',
    ['TP HCM', 'TPHCM', 'HCM', 'TP. HCM', 'HCMC', 'Sài Gòn', 'TP Hồ Chí Minh', 'Tp. Hồ Chí Minh'],
  ],
  ['080', 'Long An', 'province', '80'],
  ['082', 'Tiền Giang', 'province', '82'],
  ['083', 'Bến Tre', 'province', '86'],
  ['084', 'Trà Vinh', 'province', '86'],
  ['086', 'Vĩnh Long', 'province', '86'],
  ['087', 'Đồng Tháp', 'province', '82'],
  ['089', 'An Giang', 'province', '91'],
  ['091', 'Kiên Giang', 'province', '91'],
  ['092', 'Cần Thơ', 'city', '92', ['TP Cần Thơ']],
  ['093', 'Hậu Giang', 'province', '92'],
  ['094', 'Sóc Trăng', 'province', '92'],
  ['095', 'Bạc Liêu', 'province', '96'],
  ['096', 'Cà Mau', 'province', '96'],
];

const fullNameOf = (name: string, kind: 'city' | 'province'): string =>
  `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${name}`;

/** The 63 provinces before 1 July 2025, with their 3-digit personal-ID codes; tone marks in modern placement. */
export const PROVINCES_63: readonly Province63[] = Object.freeze(
  ROWS_63.map(([code, name, kind, newCode, aliases = []]) =>
    Object.freeze({ code, name, fullName: fullNameOf(name, kind), kind, newCode, aliases: Object.freeze(aliases) }),
  ),
);

type Row34 = [code: string, name: string, kind: 'city' | 'province', aliases?: string[]];

// Codes from Công văn 915/CTK-CSCL; merger lists from NQ 202/2025/QH15 (research notes §4).
const ROWS_34: Row34[] = [
  ['01', 'Hà Nội', 'city', ['HN', 'TP Hà Nội', 'Thủ đô Hà Nội']],
  ['04', 'Cao Bằng', 'province'],
  ['08', 'Tuyên Quang', 'province'],
  ['11', 'Điện Biên', 'province'],
  ['12', 'Lai Châu', 'province'],
  ['14', 'Sơn La', 'province'],
  ['15', 'Lào Cai', 'province'],
  ['19', 'Thái Nguyên', 'province'],
  ['20', 'Lạng Sơn', 'province'],
  ['22', 'Quảng Ninh', 'province'],
  ['24', 'Bắc Ninh', 'province'],
  ['25', 'Phú Thọ', 'province'],
  ['31', 'Hải Phòng', 'city', ['HP', 'TP Hải Phòng']],
  ['33', 'Hưng Yên', 'province'],
  ['37', 'Ninh Bình', 'province'],
  ['38', 'Thanh Hoá', 'province'],
  ['40', 'Nghệ An', 'province'],
  ['42', 'Hà Tĩnh', 'province'],
  ['44', 'Quảng Trị', 'province'],
  ['46', 'Huế', 'city', ['TP Huế']],
  ['48', 'Đà Nẵng', 'city', ['ĐN', 'TP Đà Nẵng']],
  ['51', 'Quảng Ngãi', 'province'],
  ['52', 'Gia Lai', 'province'],
  ['56', 'Khánh Hoà', 'province'],
  ['66', 'Đắk Lắk', 'province', ['Đắc Lắc', 'Daklak', 'Đăk Lăk']],
  ['68', 'Lâm Đồng', 'province'],
  // Tỉnh Đồng Nai until 30/04/2026, then Thành phố Đồng Nai (NQ 30/2026/QH16).
  ['75', 'Đồng Nai', 'province', ['Thành phố Đồng Nai']],
  [
    '79',
    'Hồ Chí Minh',
    'city',
    ['TP HCM', 'TPHCM', 'HCM', 'TP. HCM', 'HCMC', 'Sài Gòn', 'TP Hồ Chí Minh', 'Tp. Hồ Chí Minh'],
  ],
  ['80', 'Tây Ninh', 'province'],
  ['82', 'Đồng Tháp', 'province'],
  ['86', 'Vĩnh Long', 'province'],
  ['91', 'An Giang', 'province'],
  ['92', 'Cần Thơ', 'city', ['TP Cần Thơ']],
  ['96', 'Cà Mau', 'province'],
];

/** The 34 provincial units since 1 July 2025 with their official 2-digit codes and the old units merged into each. */
export const PROVINCES_34: readonly Province34[] = Object.freeze(
  ROWS_34.map(([code, name, kind, aliases = []]) =>
    Object.freeze({
      code,
      name,
      fullName: fullNameOf(name, kind),
      kind,
      oldCodes: Object.freeze(ROWS_63.filter((r) => r[3] === code).map((r) => r[0])),
      aliases: Object.freeze(aliases),
    }),
  ),
);

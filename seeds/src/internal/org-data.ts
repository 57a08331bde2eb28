// Word lists for synthetic organisations and land parcels. Every organisation is invented.

export const LEGAL_FORMS = [
  {
    form: 'Công ty trách nhiệm hữu hạn một thành viên',
    prefix: 'CÔNG TY TNHH',
    suffix: 'COMPANY LIMITED',
    short: 'CO., LTD',
    shares: false,
  },
  {
    form: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
    prefix: 'CÔNG TY TNHH',
    suffix: 'COMPANY LIMITED',
    short: 'CO., LTD',
    shares: false,
  },
  { form: 'Công ty cổ phần', prefix: 'CÔNG TY CỔ PHẦN', suffix: 'JOINT STOCK COMPANY', short: 'JSC', shares: true },
] as const;

/** Trade of a company: Vietnamese words in its name and their English rendering. */
export const TRADES: ReadonlyArray<readonly [string, string]> = [
  ['THƯƠNG MẠI VÀ DỊCH VỤ', 'TRADING AND SERVICES'],
  ['XÂY DỰNG', 'CONSTRUCTION'],
  ['CÔNG NGHỆ', 'TECHNOLOGY'],
  ['VẬN TẢI', 'TRANSPORT'],
  ['THỰC PHẨM', 'FOOD'],
  ['ĐẦU TƯ', 'INVESTMENT'],
  ['DU LỊCH', 'TRAVEL'],
  ['SẢN XUẤT', 'MANUFACTURING'],
];

export const BRAND_NAMES = [
  'MINH AN',
  'HOÀNG PHÁT',
  'AN KHANG',
  'TÂN THÀNH',
  'VIỆT HƯNG',
  'PHÚ GIA',
  'SAO MAI',
  'HẢI ĐĂNG',
  'THÀNH ĐẠT',
  'BÌNH MINH',
  'KIM LONG',
  'ĐÔNG Á',
  'NAM PHONG',
  'HƯNG THỊNH',
  'TRƯỜNG SƠN',
  'QUANG VINH',
];

export const REPRESENTATIVE_TITLES = [
  'Giám đốc',
  'Tổng giám đốc',
  'Chủ tịch Hội đồng thành viên',
  'Chủ tịch Hội đồng quản trị',
];

export const ENTERPRISE_LINES = [
  'Bán buôn thực phẩm',
  'Vận tải hàng hóa bằng đường bộ',
  'Xây dựng nhà để ở',
  'Lập trình máy vi tính',
  'Bán buôn máy móc, thiết bị',
  'Dịch vụ lưu trú ngắn ngày',
];

export const HOUSEHOLD_LINES = [
  'Bán lẻ lương thực, thực phẩm',
  'Dịch vụ ăn uống',
  'Cắt tóc, làm đầu, gội đầu',
  'Sửa chữa xe có động cơ',
  'Bán lẻ hàng may mặc',
  'Cà phê, giải khát',
];

export const HOUSEHOLD_KINDS = ['TẠP HÓA', 'QUÁN CƠM', 'SALON TÓC', 'SỬA XE', 'THỜI TRANG', 'CÀ PHÊ'];

/** Land use purposes (Luật Đất đai 2024 names) with the term they usually carry. */
export const LAND_PURPOSES: ReadonlyArray<readonly [string, 'permanent' | 'limited']> = [
  ['Đất ở tại đô thị', 'permanent'],
  ['Đất ở tại nông thôn', 'permanent'],
  ['Đất trồng cây lâu năm', 'limited'],
  ['Đất trồng lúa', 'limited'],
];

export const LAND_ORIGINS = [
  'Nhà nước công nhận quyền sử dụng đất',
  'Nhà nước giao đất có thu tiền sử dụng đất',
  'Nhận chuyển nhượng quyền sử dụng đất',
  'Nhận thừa kế quyền sử dụng đất',
  'Nhận tặng cho quyền sử dụng đất',
];

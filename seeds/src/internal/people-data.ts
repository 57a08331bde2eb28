// Word lists for synthetic people. Place names are public pre-2025 (three-level) units; people are invented.

export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 3],
  ['Phan', 4],
  ['Vũ', 3],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 1.5],
  ['Ngô', 1.5],
  ['Dương', 1],
  ['Lý', 0.5],
];

export const MIDDLE_NAMES = {
  male: ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Công', 'Xuân', 'Thanh', 'Quốc', 'Ngọc'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Phương', 'Thuý', 'Hồng', 'Thị Thu'],
} as const;

export const GIVEN_NAMES = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Hùng',
    'Hoà',
    'Khoa',
    'Long',
    'Nam',
    'Phúc',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
    'Hải',
    'Toàn',
    'Khoái',
    'Thuỷ',
    'Hiếu',
    'Đạt',
    'Lộc',
    'Trung',
    'Huy',
    'Khánh',
    'Nghĩa',
    'Quý',
    'Tùng',
  ],
  female: [
    'Anh',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Ngọc',
    'Nhung',
    'Thảo',
    'Thuỷ',
    'Trang',
    'Tuyết',
    'Yến',
    'Hoà',
    'Loan',
    'Thuý',
    'Huyền',
    'Khuê',
    'Oanh',
    'Xoan',
    'Hạnh',
    'Diệp',
    'Giang',
    'Vân',
    'Phượng',
    'Nguyệt',
  ],
} as const;

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 88],
  ['Tày', 2],
  ['Thái', 2],
  ['Mường', 2],
  ['Khmer', 2],
  ['Hoa', 1.5],
  ['Nùng', 1.5],
  ['Dao', 1],
];

export interface District {
  /** With its unit word: `Quận Hai Bà Trưng`, `Huyện Hải Hậu`, `Thành phố Vinh`. */
  name: string;
  urban: boolean;
  /** With unit word: `Phường Phạm Đình Hổ`, `Xã Hải Anh`, `Thị trấn Lim`. */
  wards: readonly string[];
  /** Street names for urban addresses. */
  streets?: readonly string[];
}

export interface GazetteerProvince {
  code: string;
  /** As printed at the end of an address. */
  label: string;
  /** Urban address style: Hà Nội `ngõ … phố`, others `đường`. */
  style: 'pho' | 'duong';
  districts: readonly District[];
}

const COMMON_STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Trãi',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Hai Bà Trưng',
  'Phan Chu Trinh',
  'Lê Duẩn',
];

export const GAZETTEER: readonly GazetteerProvince[] = [
  {
    code: '001',
    label: 'Hà Nội',
    style: 'pho',
    districts: [
      {
        name: 'Quận Hai Bà Trưng',
        urban: true,
        wards: ['Phường Phạm Đình Hổ', 'Phường Bạch Đằng', 'Phường Lê Đại Hành'],
        streets: ['Huế', 'Bà Triệu', 'Lò Đúc', 'Trần Xuân Soạn'],
      },
      {
        name: 'Quận Cầu Giấy',
        urban: true,
        wards: ['Phường Dịch Vọng', 'Phường Nghĩa Đô', 'Phường Quan Hoa'],
        streets: ['Trần Thái Tông', 'Hoàng Quốc Việt', 'Xuân Thuỷ'],
      },
      {
        name: 'Quận Đống Đa',
        urban: true,
        wards: ['Phường Láng Hạ', 'Phường Kim Liên', 'Phường Ô Chợ Dừa'],
        streets: ['Tây Sơn', 'Thái Hà', 'Chùa Bộc'],
      },
      { name: 'Huyện Đông Anh', urban: false, wards: ['Xã Uy Nỗ', 'Xã Vân Hà', 'Xã Cổ Loa'] },
    ],
  },
  {
    code: '079',
    label: 'TP. Hồ Chí Minh',
    style: 'duong',
    districts: [
      {
        name: 'Quận 1',
        urban: true,
        wards: ['Phường Bến Nghé', 'Phường Đa Kao', 'Phường Tân Định'],
        streets: ['Nguyễn Thị Minh Khai', 'Hai Bà Trưng', 'Lê Thánh Tôn'],
      },
      {
        name: 'Quận Bình Thạnh',
        urban: true,
        wards: ['Phường 13', 'Phường 25', 'Phường 26'],
        streets: ['Xô Viết Nghệ Tĩnh', 'Điện Biên Phủ', 'Bạch Đằng'],
      },
      {
        name: 'Quận Gò Vấp',
        urban: true,
        wards: ['Phường 10', 'Phường 17'],
        streets: ['Quang Trung', 'Nguyễn Oanh', 'Lê Đức Thọ'],
      },
      {
        name: 'Thành phố Thủ Đức',
        urban: true,
        wards: ['Phường Linh Trung', 'Phường Hiệp Phú'],
        streets: ['Võ Văn Ngân', 'Lê Văn Việt'],
      },
    ],
  },
  {
    code: '048',
    label: 'Đà Nẵng',
    style: 'duong',
    districts: [
      {
        name: 'Quận Hải Châu',
        urban: true,
        wards: ['Phường Thạch Thang', 'Phường Hoà Cường Bắc'],
        streets: ['Lê Duẩn', 'Núi Thành', 'Hoàng Diệu'],
      },
      {
        name: 'Quận Sơn Trà',
        urban: true,
        wards: ['Phường An Hải Bắc', 'Phường Mân Thái'],
        streets: ['Ngô Quyền', 'Phạm Văn Đồng'],
      },
    ],
  },
  {
    code: '031',
    label: 'Hải Phòng',
    style: 'duong',
    districts: [
      {
        name: 'Quận Lê Chân',
        urban: true,
        wards: ['Phường An Biên', 'Phường Dư Hàng'],
        streets: ['Tô Hiệu', 'Hàng Kênh'],
      },
      {
        name: 'Quận Ngô Quyền',
        urban: true,
        wards: ['Phường Máy Tơ', 'Phường Lạch Tray'],
        streets: ['Lạch Tray', 'Lê Lợi'],
      },
    ],
  },
  {
    code: '092',
    label: 'Cần Thơ',
    style: 'duong',
    districts: [
      {
        name: 'Quận Ninh Kiều',
        urban: true,
        wards: ['Phường Tân An', 'Phường Xuân Khánh', 'Phường An Hoà'],
        streets: ['Hoà Bình', 'Nguyễn Văn Cừ', '30 Tháng 4'],
      },
    ],
  },
  {
    code: '046',
    label: 'Thừa Thiên Huế',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Huế',
        urban: true,
        wards: ['Phường Vĩnh Ninh', 'Phường Phú Hội'],
        streets: ['Lê Lợi', 'Hùng Vương', 'Bến Nghé'],
      },
      { name: 'Huyện Phú Vang', urban: false, wards: ['Xã Phú Thượng', 'Thị trấn Thuận An'] },
    ],
  },
  {
    code: '040',
    label: 'Nghệ An',
    style: 'duong',
    districts: [
      { name: 'Thành phố Vinh', urban: true, wards: ['Phường Hưng Dũng', 'Phường Lê Lợi'], streets: COMMON_STREETS },
      { name: 'Huyện Nam Đàn', urban: false, wards: ['Xã Kim Liên', 'Thị trấn Nam Đàn'] },
    ],
  },
  {
    code: '036',
    label: 'Nam Định',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Nam Định',
        urban: true,
        wards: ['Phường Trần Hưng Đạo', 'Phường Vị Xuyên'],
        streets: ['Trần Hưng Đạo', 'Hàn Thuyên'],
      },
      { name: 'Huyện Hải Hậu', urban: false, wards: ['Xã Hải Anh', 'Thị trấn Yên Định'] },
    ],
  },
  {
    code: '038',
    label: 'Thanh Hoá',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Thanh Hoá',
        urban: true,
        wards: ['Phường Điện Biên', 'Phường Ba Đình'],
        streets: COMMON_STREETS,
      },
      { name: 'Huyện Hoằng Hoá', urban: false, wards: ['Xã Hoằng Đạo', 'Thị trấn Bút Sơn'] },
    ],
  },
  {
    code: '027',
    label: 'Bắc Ninh',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Bắc Ninh',
        urban: true,
        wards: ['Phường Suối Hoa', 'Phường Tiền An'],
        streets: ['Ngô Gia Tự', 'Lý Thái Tổ'],
      },
      { name: 'Huyện Tiên Du', urban: false, wards: ['Thị trấn Lim', 'Xã Phật Tích'] },
    ],
  },
  {
    code: '049',
    label: 'Quảng Nam',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Hội An',
        urban: true,
        wards: ['Phường Minh An', 'Phường Cẩm Phô'],
        streets: ['Trần Phú', 'Nguyễn Duy Hiệu'],
      },
      {
        name: 'Thành phố Tam Kỳ',
        urban: true,
        wards: ['Phường An Mỹ', 'Phường Tân Thạnh'],
        streets: ['Phan Chu Trinh', 'Hùng Vương'],
      },
    ],
  },
  {
    code: '056',
    label: 'Khánh Hoà',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Nha Trang',
        urban: true,
        wards: ['Phường Lộc Thọ', 'Phường Vĩnh Hải'],
        streets: ['Trần Phú', 'Yersin', 'Thống Nhất'],
      },
    ],
  },
  {
    code: '075',
    label: 'Đồng Nai',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Biên Hoà',
        urban: true,
        wards: ['Phường Tân Phong', 'Phường Trảng Dài'],
        streets: ['Phạm Văn Thuận', 'Đồng Khởi'],
      },
    ],
  },
  {
    code: '089',
    label: 'An Giang',
    style: 'duong',
    districts: [
      {
        name: 'Thành phố Long Xuyên',
        urban: true,
        wards: ['Phường Mỹ Bình', 'Phường Mỹ Long'],
        streets: ['Trần Hưng Đạo', 'Hà Hoàng Hổ'],
      },
      { name: 'Huyện Chợ Mới', urban: false, wards: ['Thị trấn Chợ Mới', 'Xã Kiến An'] },
    ],
  },
];

export const HAMLETS = ['Thôn Đông', 'Thôn Trung', 'Thôn 3', 'Xóm 5', 'Ấp Bình Phú', 'Tổ 7', 'Thôn Hạ'];

export const MARK_KINDS = ['Nốt ruồi', 'Nốt ruồi', 'Sẹo chấm', 'Sẹo'];
export const MARK_PLACES = [
  'trên sau cánh mũi phải',
  'dưới trước đuôi mắt trái',
  'trên trước đầu mày phải',
  'dưới sau mép trái',
  'trên đầu mày trái',
  'sau cánh mũi trái',
  'dưới môi phải',
  'trên trước vành tai trái',
];

export const ISSUER = 'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI';

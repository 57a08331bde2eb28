import { describe, expect, it } from 'vitest';
import { safeExtractDocument } from './extract';
import { indentedPage, whitePage } from './test-helpers';

const blankPage = whitePage(8, 8);

const page = indentedPage;

const read = async (lines: string[]) => {
  const result = await safeExtractDocument({ pages: [blankPage], ocr: [page(lines)] }, { asOf: '2025-12-01' });
  if (!result.ok) throw new Error(result.diagnostics[0]?.message);
  return result.value;
};

const ENTERPRISE = [
  'GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP',
  'CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN',
  'Mã số doanh nghiệp: 0100109106',
  'Đăng ký lần đầu: ngày 15 tháng 01 năm 2018',
  'Đăng ký thay đổi lần thứ: 3, ngày 20 tháng 06 năm 2023',
  'Tên công ty viết bằng tiếng Việt: CÔNG TY TNHH VẬN TẢI SAO MAI',
  'Tên công ty viết tắt: SAO MAI CO., LTD',
  '2. Địa chỉ trụ sở chính: Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng,',
  '   Hà Nội, Việt Nam',
  '3. Vốn điều lệ: 2.500.000.000 đồng',
  '   Bằng chữ: Hai tỷ năm trăm triệu đồng',
  '4. Người đại diện theo pháp luật của công ty',
  'Họ và tên: TRẦN VĂN NAM Giới tính: Nam',
  'Chức danh: Giám đốc',
  'Sinh ngày: 02/05/1980 Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Số giấy tờ pháp lý của cá nhân: 001080012345',
  'Địa chỉ thường trú: Số 3 phố Lò Đúc, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội',
  'TRƯỞNG PHÒNG',
];

describe('enterprise registration certificate', () => {
  it('reads the company as subject, the representative as relation, and cross-checks the capital', async () => {
    const r = await read(ENTERPRISE);
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('enterprise-registration');
    expect(r.subject).toEqual({ kind: 'org', id: '0100109106' });
    expect(v('org.legalForm')).toBe('Công ty trách nhiệm hữu hạn một thành viên');
    expect(v('org.name')).toBe('CÔNG TY TNHH VẬN TẢI SAO MAI');
    expect(v('org.address')).toBe('Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội, Việt Nam');
    expect(v('org.capital')).toBe('2500000000');
    expect(v('org.capital.words')).toBe('Hai tỷ năm trăm triệu đồng');
    expect(r.fields['org.capital']!.confidence).toBeGreaterThan(0.95);
    expect(v('org.foundingDate')).toBe('2018-01-15');
    expect(v('document.issueDate')).toBe('2023-06-20');
    expect(v('document.amendmentNumber')).toBe('3');
    expect(v('org.representative')).toBe('Trần Văn Nam');
    expect(v('org.representative.position')).toBe('Giám đốc');
    expect(r.relations).toHaveLength(1);
    expect(r.relations![0]!.role).toBe('representative');
    expect(r.relations![0]!.subject).toEqual({ kind: 'person', id: '001080012345' });
    expect(r.relations![0]!.fields['person.birthDate']?.value).toBe('1980-05-02');
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('keeps a tax code with a wrong check digit below any fill threshold, without a subject', async () => {
    const r = await read(ENTERPRISE.map((l) => l.replace('0100109106', '0100109107')));
    expect(r.fields['org.taxCode']?.value).toBe('0100109107');
    expect(r.fields['org.taxCode']!.confidence).toBeLessThanOrEqual(0.3);
    expect(r.subject).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('EXTRACT_TAX_CODE_CHECK_DIGIT');
    expect(JSON.stringify(r.diagnostics)).not.toContain('0100109107');
  });

  it('lowers both capital readings when digits and words disagree', async () => {
    const r = await read(ENTERPRISE.map((l) => l.replace('2.500.000.000', '2.600.000.000')));
    expect(r.fields['org.capital']!.confidence).toBeLessThan(0.7);
    expect(r.fields['org.capital.words']!.confidence).toBeLessThan(0.7);
    expect(r.diagnostics.some((d) => d.code === 'EXTRACT_SOURCES_DISAGREE' && d.key === 'org.capital')).toBe(true);
  });
});

describe('household business registration certificate', () => {
  it('reads the household business and its head, issued by a district office', async () => {
    const r = await read([
      'PHÒNG TÀI CHÍNH - KẾ HOẠCH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
      'Mã số hộ kinh doanh: 8O12345678',
      'Đăng ký lần đầu: ngày 05 tháng 09 năm 2019',
      '1. Tên hộ kinh doanh: HỘ KINH DOANH TẠP HÓA MINH AN',
      '3. Ngành, nghề kinh doanh: Bán lẻ lương thực, thực phẩm; Cà phê, giải khát',
      '4. Vốn kinh doanh: 150.000.000 đồng',
      '   Bằng chữ: Một trăm năm mươi triệu đồng',
      '5. Thông tin về chủ hộ kinh doanh',
      'Họ và tên: LÊ THỊ MAI Giới tính: Nữ',
      'Sinh ngày: 12/12/1975 Dân tộc: Kinh Quốc tịch: Việt Nam',
      'Số giấy tờ pháp lý của cá nhân: 036175001234',
    ]);
    expect(r.type).toBe('household-business-registration');
    // "8O12345678": the letter O is read as a zero inside a digit field; its check digit then decides.
    expect(r.fields['org.taxCode']?.value).toBe('8012345678');
    expect(r.fields['org.businessLines']?.value).toBe('Bán lẻ lương thực, thực phẩm; Cà phê, giải khát');
    expect(r.fields['org.capital']?.value).toBe('150000000');
    expect(r.fields['document.issueDate']?.value).toBe('2019-09-05');
    expect(r.relations?.[0]?.role).toBe('householdHead');
    expect(r.relations?.[0]?.fields['person.sex']?.value).toBe('female');
  });
});

describe('land use certificate', () => {
  const LAND = [
    'GIẤY CHỨNG NHẬN',
    'QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT',
    '1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:',
    'Ông: NGUYỄN VĂN AN Năm sinh: 1975',
    'CCCD số: 001075012345',
    'Bà: TRẦN THỊ BÌNH Năm sinh: 1978',
    'CCCD số: 001178054321',
    'Địa chỉ thường trú: Thôn Đông, Xã Uy Nỗ, Huyện Đông Anh, Hà Nội',
    '2. Thông tin thửa đất:',
    'Thửa đất số: 125 Tờ bản đồ số: 18',
    'Địa chỉ: Thôn Đông, Xã Uy Nỗ, Huyện Đông Anh, Hà Nội',
    'Diện tích: 125,5 m²',
    '   (Bằng chữ: Một trăm hai mươi lăm phẩy năm mét vuông)',
    'Hình thức sử dụng: Sử dụng chung',
    'Mục đích sử dụng: Đất ở tại nông thon',
    'Thời hạn sử dụng: Lâu dài',
    'Nguồn gốc sử dụng: Nhà nước công nhận quyền sử dụng đất',
    'Hà Nội, ngày 12 tháng 05 năm 2024',
    'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG',
    'THÀNH PHỐ HÀ NỘI',
    'Số vào sổ cấp Giấy chứng nhận: CS 01234',
    'CS 123456',
  ];
  it('reads holders, parcel, area with its words, serial and issuer', async () => {
    const r = await read(LAND);
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('land-use-certificate');
    expect(r.subject).toEqual({ kind: 'person', id: '001075012345' });
    expect(v('person.sex')).toBe('male');
    expect(v('person.birthDate.year')).toBe('1975');
    expect(v('land.parcelNumber')).toBe('125');
    expect(v('land.mapSheetNumber')).toBe('18');
    expect(v('land.area')).toBe('125.5');
    expect(v('land.area.words')).toBe('Một trăm hai mươi lăm phẩy năm mét vuông');
    // One letter off ("thon") snaps to the closed list of land types.
    expect(v('land.purpose')).toBe('Đất ở tại nông thôn');
    expect(v('land.term')).toBe('Lâu dài');
    expect(v('land.certificate.serial')).toBe('CS 123456');
    expect(v('land.certificate.registryNumber')).toBe('CS 01234');
    expect(v('document.issueDate')).toBe('2024-05-12');
    expect(v('document.issuer')).toBe('Sở Tài nguyên và Môi trường thành phố Hà Nội');
    expect(r.relations?.[0]?.role).toBe('spouse');
    expect(r.relations?.[0]?.fields['person.sex']?.value).toBe('female');
    expect(r.relations?.[0]?.fields['person.permanentAddress']?.value).toBe(
      'Thôn Đông, Xã Uy Nỗ, Huyện Đông Anh, Hà Nội',
    );
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('does not take the serial at the foot of a cover page as the end of the address above it', async () => {
    const cover = page([...LAND.slice(0, 8), '   CS 326272']);
    const serial = cover.lines[8]!;
    serial.box = { ...serial.box, y: serial.box.y + 900 };
    serial.words = serial.words.map((w) => ({ ...w, box: { ...w.box, y: w.box.y + 900 } }));
    const result = await safeExtractDocument({ pages: [blankPage], ocr: [cover] }, { asOf: '2025-12-01' });
    if (!result.ok) throw new Error('no record');
    expect(result.value.fields['person.permanentAddress']?.value).toBe('Thôn Đông, Xã Uy Nỗ, Huyện Đông Anh, Hà Nội');
    expect(result.value.fields['land.certificate.serial']?.value).toBe('CS 326272');
  });

  it('lowers the area when its words spell another number', async () => {
    const r = await read(LAND.map((l) => l.replace('125,5 m²', '128,5 m²')));
    expect(r.fields['land.area']!.confidence).toBeLessThan(0.7);
    expect(r.diagnostics.some((d) => d.key === 'land.area')).toBe(true);
  });
});

describe('business and land certificates in other layouts and older models', () => {
  it('takes an older household business certificate for one, not for a 9-digit ID card', async () => {
    // Older model (pre-2015 wording): generic title, the head first, `Số CMND`, `Nơi đăng ký hộ khẩu thường trú`.
    const r = await read([
      'ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU',
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ KINH DOANH',
      'HỘ KINH DOANH CÁ THỂ',
      'Họ tên người đại diện hộ kinh doanh: NGUYỄN VĂN TÂM',
      'Sinh ngày: 12/03/1970 Nam/Nữ: Nam',
      'Chứng minh nhân dân số: 201234567',
      'Nơi đăng ký hộ khẩu thường trú: Tổ 5, Phường Hải Châu 1, Quận Hải Châu, Đà Nẵng',
      'Chỗ ở hiện tại: Tổ 5, Phường Hải Châu 1, Quận Hải Châu, Đà Nẵng',
      'Tên cửa hàng: CỬA HÀNG TẠP HÓA MINH TÂM',
      'Địa điểm kinh doanh: Số 10 đường Lê Lợi, Phường Hải Châu 1, Quận Hải Châu, Đà Nẵng',
      'Ngành nghề kinh doanh: Bán lẻ hàng tạp hóa',
      'Vốn kinh doanh: 50.000.000 đồng',
    ]);
    expect(r.type).toBe('household-business-registration');
    expect(r.fields['org.name']?.value).toBe('CỬA HÀNG TẠP HOÁ MINH TÂM');
    expect(r.fields['org.capital']?.value).toBe('50000000');
    const head = r.relations?.find((x) => x.role === 'householdHead');
    expect(head?.fields['person.fullName']?.value).toBe('Nguyễn Văn Tâm');
    expect(head?.fields['person.birthDate']?.value).toBe('1970-03-12');
    expect(head?.fields['person.permanentAddress']?.value).toBe('Tổ 5, Phường Hải Châu 1, Quận Hải Châu, Đà Nẵng');
    // A 9-digit CMND is no 12-digit personal ID: not read as one.
    expect(head?.fields['person.idNumber']).toBeUndefined();
  });

  it('reads a bilingual enterprise certificate with values under the labels', async () => {
    const r = await read([
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP',
      'ENTERPRISE REGISTRATION CERTIFICATE',
      'CÔNG TY CỔ PHẦN',
      'Mã số doanh nghiệp / Enterprise code:',
      '0100109106',
      'Tên doanh nghiệp / Name of enterprise:',
      'CÔNG TY CỔ PHẦN SAO MAI',
      'Địa chỉ trụ sở chính / Head office address:',
      'Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội',
      'Vốn điều lệ / Charter capital: 2.500.000.000 đồng',
      'Người đại diện theo pháp luật / Legal representative',
      'Họ và tên / Full name: TRẦN VĂN NAM   Giới tính / Sex: Nam',
      'Chức danh / Position: Giám đốc',
    ]);
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('enterprise-registration');
    expect(v('org.taxCode')).toBe('0100109106');
    expect(v('org.name')).toBe('CÔNG TY CỔ PHẦN SAO MAI');
    expect(v('org.legalForm')).toBe('Công ty cổ phần');
    expect(v('org.address')).toBe('Số 12 phố Huế, Phường Phạm Đình Hổ, Quận Hai Bà Trưng, Hà Nội');
    expect(v('org.capital')).toBe('2500000000');
    expect(v('org.representative')).toBe('Trần Văn Nam');
    expect(v('org.representative.position')).toBe('Giám đốc');
    // Issued at the first registration is implied, not printed: never at a fill threshold.
    expect(r.fields['document.issueDate']).toBeUndefined();
  });

  it('reads a land certificate whose holder is printed without Ông/Bà, with a 9-digit CMND and the parcel in a grid', async () => {
    const r = await read([
      'GIẤY CHỨNG NHẬN',
      'QUYỀN SỬ DỤNG ĐẤT',
      'Tên người sử dụng đất: LÊ VĂN HÒA',
      'Năm sinh: 1961 Số CMND: 201234567',
      'Địa chỉ thường trú: Thôn Đông, Xã Uy Nỗ, Huyện Đông Anh, Hà Nội',
      'Thửa đất số   Tờ bản đồ số   Diện tích   Mục đích sử dụng',
      '125   18   340,5 m²   Đất ở tại nông thôn',
    ]);
    const v = (k: string) => r.fields[k]?.value;
    expect(r.type).toBe('land-use-certificate');
    expect(v('person.fullName')).toBe('Lê Văn Hoà');
    expect(v('person.idNumber')).toBe('201234567');
    expect(v('person.birthDate.year')).toBe('1961');
    expect(v('person.sex')).toBeUndefined();
  });
});

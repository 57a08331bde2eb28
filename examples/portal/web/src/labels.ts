import type { FieldSource } from '@sohoa/eform';
import type { AuditView } from './api';

const DOCUMENT_TYPES: Record<string, string> = {
  'cccd-2021': 'Căn cước công dân',
  'cccd-2016': 'Căn cước công dân (mẫu 2016)',
  'can-cuoc-2024': 'Thẻ căn cước',
  'ct07-xac-nhan-cu-tru': 'Giấy xác nhận thông tin về cư trú (CT07)',
  'giay-khai-sinh': 'Giấy khai sinh',
  'giay-chung-nhan-ket-hon': 'Giấy chứng nhận kết hôn',
  correction: 'Thông tin do bạn cập nhật',
};

const METHODS: Record<string, string> = {
  registry: 'từ cơ sở dữ liệu quốc gia',
  qr: 'đọc từ mã QR',
  mrz: 'đọc từ vùng MRZ',
  'pdf-text': 'đọc từ lớp chữ của PDF',
  ocr: 'nhận dạng chữ (OCR)',
  manual: 'do bạn tự khai',
  computed: 'tính tự động',
};

/** Why a field is empty or must be checked, in words for the citizen. */
export const REASONS: Record<string, string> = {
  'no-binding': 'Trường này không lấy từ kho dữ liệu: vui lòng tự nhập.',
  'no-data': 'Kho dữ liệu của bạn chưa có thông tin này: vui lòng nhập.',
  'invalid-for-field': 'Giá trị trong kho không hợp với trường này: vui lòng nhập.',
  'low-confidence': 'Giá trị đọc được với độ tin cậy thấp: vui lòng kiểm tra.',
  'expired-source': 'Giá trị lấy từ giấy tờ đã hết hạn: vui lòng kiểm tra.',
  'implied-value': 'Giá trị này không đọc được trên giấy tờ, chỉ là suy đoán: vui lòng tự nhập.',
  'looks-truncated': 'Giá trị đọc được có vẻ bị cắt dở: vui lòng tự nhập.',
};

const ACTIONS: Record<string, string> = {
  read: 'Đọc dữ liệu',
  'read-denied': 'Bị từ chối đọc',
  grant: 'Được cấp quyền',
  revoke: 'Thu hồi quyền',
  correct: 'Cập nhật dữ liệu',
  export: 'Xuất dữ liệu',
  erase: 'Xoá dữ liệu',
  import: 'Nhập dữ liệu',
  'rotate-key': 'Đổi khoá mã hoá',
};

const ACTORS: Record<string, string> = {
  'portal:dichvucong-demo': 'Cổng dịch vụ công (ví dụ)',
  'portal:dang-nhap': 'Cổng dịch vụ công: kiểm tra đăng nhập',
  'citizen:self': 'Bạn',
};

export const percent = (x: number) => `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

/** One line per provenance fact, for the hover card. */
export function describeSource(source: FieldSource): string[] {
  if (source.method === 'computed' && source.documentId === undefined)
    return ['Tính tự động (ví dụ: ngày làm tờ khai là hôm nay)'];
  const type = source.documentType ?? '';
  const lines = [`Nguồn: ${DOCUMENT_TYPES[type] ?? type} (${type})`];
  if (source.documentId) lines.push(`Mã tài liệu trong kho: ${source.documentId}`);
  if (source.page !== undefined) {
    const box = source.box
      ? `, vùng x=${source.box.x}, y=${source.box.y}, ${source.box.width}×${source.box.height} px`
      : '';
    lines.push(`Trang ${source.page}${box}`);
  }
  lines.push(`Cách lấy: ${METHODS[source.method] ?? source.method}`);
  lines.push(`Độ tin cậy: ${percent(source.confidence)}`);
  if (source.sha256) lines.push(`Tệp gốc SHA-256: ${source.sha256.slice(0, 12)}…`);
  return lines;
}

export const actionLabel = (a: AuditView) => ACTIONS[a.action] ?? a.action;
export const actorLabel = (actor: string) => ACTORS[actor] ?? actor;

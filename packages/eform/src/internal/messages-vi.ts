import type { ErrorObject } from 'ajv';

const TYPES: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'nhóm thông tin',
  array: 'danh sách',
  null: 'rỗng',
};
const FORMATS: Record<string, string> = {
  email: 'thư điện tử',
  date: 'ngày (năm-tháng-ngày)',
  'date-time': 'ngày giờ',
  time: 'giờ',
  uri: 'địa chỉ web',
  url: 'địa chỉ web',
  ipv4: 'địa chỉ IPv4',
  uuid: 'UUID',
};
const COMPARE: Record<string, string> = {
  '>=': 'lớn hơn hoặc bằng',
  '<=': 'nhỏ hơn hoặc bằng',
  '>': 'lớn hơn',
  '<': 'nhỏ hơn',
};

/**
 * A Vietnamese message for one Ajv error, built from the keyword and the schema's own parameters
 * (limits, formats, allowed values), never from the data.
 */
export function messageVi(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'là thông tin bắt buộc';
    case 'type':
      return `phải là ${String(p.type)
        .split(',')
        .map((t) => TYPES[t] ?? t)
        .join(' hoặc ')}`;
    case 'maxLength':
      return `không được dài quá ${String(p.limit)} ký tự`;
    case 'minLength':
      return p.limit === 1 ? 'không được để trống' : `phải có ít nhất ${String(p.limit)} ký tự`;
    case 'pattern':
      return 'không đúng định dạng quy định';
    case 'format':
      return `không đúng định dạng ${FORMATS[String(p.format)] ?? String(p.format)}`;
    case 'enum':
      return `phải là một trong các giá trị: ${(p.allowedValues as unknown[]).map((v) => String(v)).join(', ')}`;
    case 'const':
      return `phải là ${String(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `phải ${COMPARE[String(p.comparison)] ?? String(p.comparison)} ${String(p.limit)}`;
    case 'minItems':
      return `phải có ít nhất ${String(p.limit)} mục`;
    case 'maxItems':
      return `không được quá ${String(p.limit)} mục`;
    case 'uniqueItems':
      return 'có các mục trùng nhau';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'có thông tin không thuộc biểu mẫu';
    case 'multipleOf':
      return `phải là bội số của ${String(p.multipleOf)}`;
    default:
      return 'không hợp lệ';
  }
}

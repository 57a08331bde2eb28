// Scoring shared by the form evals (pnpm eval:forms, pnpm eval:forms-general): what each tagged blank
// means for the synthetic subject, the corrections where the printed label says otherwise than the tag.
import { OLD_ID, SUBJECT_ID, TRUTH } from './subject.mjs';

export const NOW = new Date(2026, 2, 5, 9, 30);

// The subject is the person who files the form: user1, except where user1 is someone else.
export const SUBJECT_USER = { '14_': 3 };
// Their tags are one team's reading; where the printed label says otherwise the label wins (listed in the output).
export const CORRECTIONS = [
  { file: '38_', tag: 'user1_id', label: /BHXH/, to: 'user1_social_insurance_number' },
  { file: '32_', tag: 'user1_id', label: /học sinh/i, to: 'user1_student_id' },
  { file: '60_', tag: 'user1_id', label: /CMND/, to: 'user1_old_id_number' },
  // "Số CMND" asks for the 9-digit ID card number: the old number her CCCD's QR carries, not the CCCD number.
  {
    file: '',
    tag: /^user\d+_id$/,
    label: /^(\d+\.\s*)?(Số CMND|Số CMTND|Số chứng minh nhân dân|Chứng minh nhân dân số|Giấy CMND số)$/i,
    to: (t) => t.replace(/_id$/, '_old_id_number'),
  },
  { file: '20_', tag: /user5_dob_/, label: /./, to: 'user5_death_date' },
  // "Nơi sinh (tỉnh, thành phố)" asks only the province (the passport form's annotation says the same).
  { file: '42_', tag: 'user1_birthplace', label: /\(tỉnh, thành phố\)/, to: 'user1_birthplace_province' },
  { file: '34_', tag: 'user1_occupation', label: /Chức vụ/, to: 'user1_position' },
  { file: '42_', tag: 'user1_full_name', label: /^1?\.?\s*Họ$/, to: 'user1_family_name' },
  { file: '42_', tag: 'user1_full_name', label: /Chữ đệm và tên/, to: 'user1_middle_and_given_name' },
  { file: '42_', tag: /^user1_(day|month|year)$/, label: /./, to: (t) => t.replace('user1_', '') },
  { file: '06_', tag: /^user1_date_(day|month|year)$/, label: /./, to: (t) => t.replace('user1_date_', '') },
  { file: '14_', tag: /^user3_(day|month|year)$/, label: /./, to: (t) => t.replace('user3_', '') },
];

const iso = (d) => d.split('-');
const dmy = (d) => {
  const [y, m, dd] = iso(d);
  return `${dd}/${m}/${y}`;
};
const part = (d, p) => iso(d)[{ year: 0, month: 1, day: 2 }[p]];
const nowIso = `${NOW.getFullYear()}-${String(NOW.getMonth() + 1).padStart(2, '0')}-${String(NOW.getDate()).padStart(2, '0')}`;
const addressPart = (address, unit) => {
  const parts = address.split(',').map((s) => s.trim());
  const re = { ward: /^(Xã|Phường|Thị trấn)\s/, district: /^(Quận|Huyện|Thị xã)\s/, province: /^(Tỉnh|Thành phố)\s/ }[
    unit
  ];
  return unit === 'province' ? parts.at(-1) : parts.find((p) => re.test(p));
};

/** Right answers for one blank of the subject, or undefined when the vault cannot answer it. */
export function expected(meaning, label, isSubject, isForm) {
  const t = TRUTH;
  const summary = `Căn cước công dân số ${SUBJECT_ID} do ${t.idIssuer} cấp ngày ${dmy(t.idIssueDate)}`;
  const signing = /^(day|month|year)$/.exec(meaning);
  if (signing) return isForm ? [part(nowIso, signing[1])] : undefined;
  if (!isSubject) return undefined;
  const dob = /^dob_(day|month|year)$/.exec(meaning);
  if (dob) return [part(t.birthDate, dob[1])];
  const issue = /^id(?:_issue)?_(day|month|year)$/.exec(meaning);
  if (issue) return [part(t.idIssueDate, issue[1])];
  // The subject's relations the vault knows (tags the synthetic forms use: user1_mother_full_name, …).
  const relation = /^(mother|father|spouse)_(full_name|dob_(day|month|year)|ethnicity|nationality|id)$/.exec(meaning);
  if (relation) {
    const who = t[relation[1]];
    if (relation[2] === 'full_name') return [who.fullName, who.fullName.toLocaleUpperCase('vi')];
    if (relation[3]) return [part(who.birthDate, relation[3])];
    if (relation[2] === 'id') return who.idNumber ? [who.idNumber] : undefined;
    return [who[relation[2]]];
  }
  const addr = /^permanent_address_(ward|district|province)$/.exec(meaning);
  if (addr) return [addressPart(t.permanentAddress, addr[1])].filter(Boolean);
  switch (meaning) {
    case 'full_name':
      return [t.fullName, t.fullName.toLocaleUpperCase('vi')];
    case 'family_name':
      return ['Nguyễn'];
    case 'middle_and_given_name':
      return ['Thị Thu Thử'];
    case 'gender':
      return ['Nữ'];
    case 'id':
    case 'id_number':
      return [SUBJECT_ID, summary];
    case 'old_id_number':
      return [OLD_ID];
    case 'ethnicity':
      return [t.ethnicity];
    case 'nationality':
      return /nước ngoài/i.test(label) ? undefined : [t.nationality];
    case 'hometown':
      return [t.hometown];
    case 'permanent_address':
      return [t.permanentAddress];
    // "Nơi cư trú" is the permanent residence (Luật Cư trú 2020, art. 11); where she lives now the vault does not know.
    case 'current_address':
      return /cư trú|thường trú|HKTT/i.test(label.replace(/\([^)]*\)/g, '')) ? [t.permanentAddress] : undefined;
    case 'birthplace':
      return [t.birthPlace];
    case 'birthplace_province':
      return [t.birthPlace.split(',').at(-1).trim()];
    case 'birth_registration_place':
      return [t.birthRegistrationPlace];
    case 'id_issue_date':
    case 'id_date':
      return [dmy(t.idIssueDate)];
    case 'id_issue_place':
    case 'id_place':
    case 'id_issuer':
      return [t.idIssuer];
    case 'parent_name':
      return [t.father.fullName, t.mother.fullName];
    default:
      return undefined;
  }
}

export const same = (a, b) => {
  const x = String(a).normalize('NFC').trim();
  const y = String(b).normalize('NFC').trim();
  return x === y || (/^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y));
};

/** After a blank corrected to the old CMND number, that person's issue date and place are the CMND's too. */
/**
 * The citizen dates the form once: a later "…, ngày … tháng … năm …" line (20, 62) is the confirming
 * authority's, and so is a date line on the authority's own opinion line (32 "Ý kiến của Ban Giám Hiệu");
 * the binder must leave them empty (docs/binding-and-fill-policy.md), so they are not answerable.
 */
export function authorityDates(blanks) {
  let lines = 0;
  let open = false;
  return blanks.map((b) => {
    const form = b.person === 0 && /^(day|month|year)$/.test(b.meaning);
    if (!form) {
      open = false;
      return b;
    }
    if (!open) {
      lines++;
      open = true;
    }
    if (lines > 1 || /^Ý kiến của/u.test(b.line.trim()))
      return { ...b, corrected: b.tag, tag: `authority_${b.meaning}`, meaning: `authority_${b.meaning}` };
    return b;
  });
}

export function followOldId(blanks) {
  const old = new Set();
  return blanks.map((b) => {
    if (b.meaning === 'old_id_number') old.add(b.person);
    else if (/^id(_number)?$/.test(b.meaning)) old.delete(b.person);
    else if (
      old.has(b.person) &&
      /^id_(issue_|issued_)?(day|month|year|date|place|issuer)$|^id_place$|^id_date$/.test(b.meaning)
    ) {
      return { ...b, corrected: b.tag, tag: `user${b.person}_old_${b.meaning}`, meaning: `old_${b.meaning}` };
    }
    return b;
  });
}

export function applyCorrections(file, blank) {
  for (const c of CORRECTIONS) {
    if (!file.startsWith(c.file) || !c.label.test(blank.label.split(' › ')[0])) continue;
    if (typeof c.tag === 'string' ? c.tag !== blank.tag : !c.tag.test(blank.tag)) continue;
    const to = typeof c.to === 'function' ? c.to(blank.tag) : c.to;
    const m = /^user(\d+)_(.+)$/.exec(to);
    return { ...blank, corrected: blank.tag, tag: to, person: m ? Number(m[1]) : 0, meaning: m ? m[2] : to };
  }
  return blank;
}

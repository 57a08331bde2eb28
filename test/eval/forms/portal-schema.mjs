// Writes a tagged form (`../shared/data/forms/tagged/*.txt`) as an unannotated JSON Schema the way a portal team
// would, using only what is printed: one field per blank titled with the label before it; sections from the
// printed headings (a line without blanks right above blanks), never from the tags; split dates as a group of
// Ngày/Tháng/Năm titled with the label before them. Two naming ways, as the hidden measurement did:
//   naming 'neutral': f1, f2, … (sections s1, s2, …; date parts d, m, y)
//   naming 'camel':   Vietnamese camelCase from the label (hoChuDemTen, ngayThangNamSinh; parts ngay, thang, nam)
// The tags are returned aside for scoring only; the schema never sees them.
import { cleanLabel, collectRun, datePartTitles, TAG, whoOf } from './tagged-to-schema.mjs';

const PART_NAME = { neutral: { Ngày: 'd', Tháng: 'm', Năm: 'y' }, camel: { Ngày: 'ngay', Tháng: 'thang', Năm: 'nam' } };

/** `Họ, chữ đệm, tên người yêu cầu (1)` → `hoChuDemTenNguoi` (at most four words, no footnotes or parentheses). */
export function camelName(label, fallback) {
  const words = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(0, 4);
  if (words.length === 0) return fallback;
  return words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/** A line without blanks that titles the blanks below it: short, not the oath, not a signature block. */
function isHeading(text) {
  const t = cleanLabel(text);
  return t.length > 2 && t.length <= 120 && !/^\(.*\)$/.test(t);
}

/**
 * @param {string} text the tagged form
 * @param {string} fallbackTitle
 * @param {'neutral'|'camel'} naming
 * @returns {{ schema: object, blanks: Array<{ pointer: string, tag: string, person: number, meaning: string, label: string, line: string }> }}
 */
export function portalSchema(text, fallbackTitle, naming = 'neutral') {
  const lines = text.split(/\r?\n/);
  // The form's name as printed: the first capitalised heading that is not the national motto, with the
  // capitalised lines right under it (a title printed over two lines is one title).
  const plain = lines.map((l) => l.replace(TAG, ' ').replace(/\s+/g, ' ').trim());
  const isCaps = (l) =>
    l.length > 3 && l === l.toLocaleUpperCase('vi') && /\p{Lu}{3}/u.test(l) && !/CỘNG HO?À|SOCIALIST|ĐỘC LẬP/u.test(l);
  const first = plain.findIndex((l) => l.length > 5 && isCaps(l));
  const titleLines = new Set();
  if (first >= 0)
    for (let k = first; k < plain.length && isCaps(plain[k]) && !/\[[^\]]+\]/.test(lines[k]); k++) titleLines.add(k);
  const title = first >= 0 ? [...titleLines].map((k) => plain[k]).join(' ') : fallbackTitle;
  const root = { $schema: 'https://json-schema.org/draft/2020-12/schema', title, type: 'object', properties: {} };
  const blanks = [];
  let fields = 0;
  let sections = 0;
  let section = { node: root, prefix: '' };
  let pendingHeading;
  const unique = (node, name) => {
    let n = name;
    for (let k = 2; n in node.properties; k++) n = `${name}${k}`;
    return n;
  };

  lines.forEach((raw, index) => {
    if (titleLines.has(index)) return;
    const line = raw.replace(/\t/g, ' ');
    const matches = [...line.matchAll(TAG)];
    if (matches.length === 0) {
      if (line.trim() !== '' && isHeading(line)) pendingHeading = cleanLabel(line);
      else if (line.trim() === '') return;
      else pendingHeading = undefined;
      return;
    }
    if (pendingHeading !== undefined) {
      sections++;
      const name = unique(root, naming === 'neutral' ? `s${sections}` : camelName(pendingHeading, `phan${sections}`));
      const node = { type: 'object', title: pendingHeading, properties: {} };
      root.properties[name] = node;
      section = { node, prefix: `/${name}` };
      pendingHeading = undefined;
    }
    let i = 0;
    let from = 0;
    while (i < matches.length) {
      // A split date: following blanks joined only by date words or slashes (the printed line decides, not the tags).
      const { first, label, run, end } = collectRun(line, matches, i, from, undefined, 3);
      fields++;
      const { node, prefix } = section;
      const fallback = naming === 'neutral' ? `f${fields}` : `truong${fields}`;
      const name = unique(node, naming === 'neutral' ? fallback : camelName(label, fallback));
      if (run.length >= 2) {
        const parts = datePartTitles(line, run, label);
        const group = { type: 'object', title: label || 'ngày', properties: {} };
        run.forEach((m, k) => {
          const partName = unique(group, PART_NAME[naming][parts[k]]);
          group.properties[partName] = { type: 'string', title: parts[k] };
          blanks.push({
            pointer: `${prefix}/${name}/${partName}`,
            tag: m[1],
            ...whoOf(m[1]),
            label: `${label} › ${parts[k]}`,
            line: line.trim(),
          });
        });
        node.properties[name] = group;
      } else {
        node.properties[name] = { type: 'string', ...(label !== '' && { title: label }) };
        blanks.push({ pointer: `${prefix}/${name}`, tag: first[1], ...whoOf(first[1]), label, line: line.trim() });
      }
      from = end;
      i += run.length;
    }
  });
  return { schema: root, blanks };
}

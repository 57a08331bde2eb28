// Turns a tagged form (`../shared/data/forms/tagged/*.txt`) into an unannotated JSON Schema the way a portal
// would write it: one field per blank titled with the printed label before it, fields grouped by person,
// split dates as a group of day/month/year. The tags are kept aside for scoring only; the schema never sees them.

export const TAG = /\[([^\]]+)\]/g;
// What may stand between the blanks of one split date: "/", "tháng", "năm", "month", "year", "/20".
export const DATE_JOINER =
  /^\s*(?:\/\s*(?:20)?|-|tháng|năm(?:\s*20)?|month|year|\(month\)|\(year\))(?:\s*\((?:month|year)\))?\s*[:]?\s*$/iu;
const PART_WORD = { ngày: 'Ngày', tháng: 'Tháng', năm: 'Năm', date: 'Ngày', month: 'Tháng', year: 'Năm' };

export function cleanLabel(text) {
  return text
    .replace(/^[\s.,;:)\]–-]+/u, '')
    .replace(/[\s:;,.]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function whoOf(tag) {
  const m = /^user(\d+)_(.+)$/.exec(tag.trim());
  return m
    ? { person: Number(m[1]), meaning: m[2].replace(/\s+/g, '') }
    : { person: 0, meaning: tag.trim().replace(/^#/, '') };
}

/**
 * The blank at `matches[i]`, the label printed before it (from `from`), and the blanks after it that continue a
 * split date (joined only by date words or slashes, and accepted by `accept`).
 */
export function collectRun(line, matches, i, from, accept = () => true, max = Infinity) {
  const first = matches[i];
  const label = cleanLabel(line.slice(from, first.index).replace(/\[[^\]]*\]/g, '…'));
  const run = [first];
  let end = first.index + first[0].length;
  while (i + run.length < matches.length && run.length < max) {
    const next = matches[i + run.length];
    if (!DATE_JOINER.test(line.slice(end, next.index)) || !accept(next, first)) break;
    run.push(next);
    end = next.index + next[0].length;
  }
  return { first, label, run, end };
}

/** Titles of the blanks of one split date (`Ngày`, `Tháng`, `Năm`) from the words printed between them. */
export function datePartTitles(line, run, label) {
  const labelEnd = (label.split(/[\s,:(]+/).pop() ?? '').toLowerCase();
  return run.map((m, k) => {
    if (k === 0) return run.length === 2 ? (/tháng|month/i.test(labelEnd) ? 'Tháng' : 'Ngày') : 'Ngày';
    const joiner = line
      .slice(run[k - 1].index + run[k - 1][0].length, m.index)
      .trim()
      .toLowerCase()
      .replace(/[()/:]/g, ' ')
      .trim()
      .split(/\s+/)[0];
    return PART_WORD[joiner] ?? (run.length === 2 ? 'Năm' : ['Ngày', 'Tháng', 'Năm'][k]);
  });
}

/**
 * @returns {{ schema: object, blanks: Array<{ pointer: string, tag: string, person: number, meaning: string, label: string, line: string }> }}
 */
export function taggedToSchema(text, fallbackTitle) {
  const lines = text.split(/\r?\n/);
  // The form's name as printed: the first capitalised heading that is not the national motto.
  const title =
    lines
      .map((l) => l.replace(TAG, ' ').replace(/\s+/g, ' ').trim())
      .find(
        (l) =>
          l.length > 5 &&
          l === l.toLocaleUpperCase('vi') &&
          /\p{Lu}{3}/u.test(l) &&
          !/CỘNG HO?À|SOCIALIST|ĐỘC LẬP/u.test(l),
      ) ?? fallbackTitle;
  const root = { $schema: 'https://json-schema.org/draft/2020-12/schema', title, type: 'object', properties: {} };
  const groups = new Map(); // person → group schema
  const blanks = [];
  let counter = 0;
  let lastTaglessLine;
  let lastFieldLine = -1;
  const containerFor = (person, lineIndex) => {
    if (person === 0) return { node: root, prefix: '' };
    let group = groups.get(person);
    if (!group) {
      const name = `nguoi${person}`;
      group = { type: 'object', properties: {} };
      // A heading right above the person's first blank ("I. Người ủy quyền:") titles the group.
      if (lastTaglessLine && lastTaglessLine.index > lastFieldLine && lastTaglessLine.index === lineIndex - 1)
        group.title = cleanLabel(lastTaglessLine.text);
      root.properties[name] = group;
      groups.set(person, group);
    }
    return { node: group, prefix: `/nguoi${person}` };
  };

  lines.forEach((raw, index) => {
    const line = raw.replace(/\t/g, ' ');
    const matches = [...line.matchAll(TAG)];
    if (matches.length === 0) {
      if (line.trim() !== '') lastTaglessLine = { index, text: line.trim() };
      return;
    }
    // Compact blank-only lines: a line starting with a tag continues the label of the previous line's text.
    let i = 0;
    let from = 0;
    while (i < matches.length) {
      // Collect a split date: following blanks of the same person joined by date words.
      const { first, label, run, end } = collectRun(
        line,
        matches,
        i,
        from,
        (next, first) => whoOf(next[1]).person === whoOf(first[1]).person,
      );
      const { person } = whoOf(first[1]);
      const { node, prefix } = containerFor(person, index);
      counter++;
      if (run.length >= 2) {
        const name = `o${counter}`;
        const parts = datePartTitles(line, run, label);
        const group = { type: 'object', title: label || 'ngày', properties: {} };
        run.forEach((m, k) => {
          group.properties[`p${k + 1}`] = { type: 'string', title: parts[k] };
          blanks.push({
            pointer: `${prefix}/${name}/p${k + 1}`,
            tag: m[1],
            ...whoOf(m[1]),
            label: `${label} › ${parts[k]}`,
            line: line.trim(),
          });
        });
        node.properties[name] = group;
      } else {
        const name = `o${counter}`;
        node.properties[name] = { type: 'string', ...(label !== '' && { title: label }) };
        blanks.push({ pointer: `${prefix}/${name}`, tag: first[1], ...whoOf(first[1]), label, line: line.trim() });
      }
      from = end;
      i += run.length;
    }
    lastFieldLine = index;
  });
  return { schema: root, blanks };
}

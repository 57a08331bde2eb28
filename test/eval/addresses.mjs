// pnpm eval:addresses — address parsing, resolution to unit codes and old→new conversion with @sohoa/vn, on the
// public sets in ../shared/data (never copied into the repo):
//   - addresses/noisy-addresses-450: OCR-noisy old addresses with province/district/ward labels (silver);
//   - admin-units/daohoangson-dvhcvn/tests/address_parser_cases.json: 182 informal old addresses ("P8 Q10", "Q2, Tp HCM");
//   - addresses/underthesea-cases: 11 old→new conversion assertions of another project;
//   - the 54 old communes where the two public old→new mappings disagree (hard cases);
//   - every old commune of the GSO list written out as an address (full, then abbreviated without diacritics),
//     converted and compared with the second mapping.
// Prints accuracy per set and the median time per address.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldDiacritics, loadGazetteer, looseEquals, parseAddress } from '../../packages/vn/dist/index.js';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
if (!existsSync(`${DATA}admin-units`)) {
  console.error('eval:addresses: ../shared/data/admin-units not found; nothing to evaluate.');
  process.exit(0);
}
const readJson = (path) => JSON.parse(readFileSync(`${DATA}${path}`, 'utf8'));
const pct = (n, d) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const label = (unit) => (unit ? `${unit.type.charAt(0).toUpperCase()}${unit.type.slice(1)} ${unit.name}` : undefined);
const same = (a, b) => (a ?? '') === (b ?? '') || (a !== undefined && b !== undefined && looseEquals(a, b));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
};
const times = [];
const timed = (fn) => {
  const t = process.hrtime.bigint();
  const r = fn();
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  return r;
};

const t0 = Date.now();
const gazetteer = await loadGazetteer({ dir: `${DATA}admin-units` });
console.log(
  `gazetteer loaded in ${Date.now() - t0} ms: old ${JSON.stringify(gazetteer.counts.old)}, current ${JSON.stringify(gazetteer.counts.current)}, mappings ${gazetteer.mappings.join(' + ')}`,
);

// 1. noisy-addresses-450
{
  const cases = readJson('addresses/noisy-addresses-450/public.json');
  const levels = ['province', 'district', 'ward'];
  const right = { province: 0, district: 0, ward: 0 };
  const rightGiven = { province: 0, district: 0, ward: 0 };
  const given = { province: 0, district: 0, ward: 0 };
  const predicted = { province: 0, district: 0, ward: 0 };
  const predictedRight = { province: 0, district: 0, ward: 0 };
  let all = 0;
  let parseOnlyProvince = 0;
  for (const { text, result } of cases) {
    const r = timed(() => gazetteer.resolveAddress(text, { era: 'old' }));
    const got = { province: r.province, district: r.district, ward: r.commune };
    let ok = true;
    for (const level of levels) {
      // The labels name only what the text says: a unit inferred from its child counts as not written.
      const written = got[level]?.method === 'parent' && !result[level] ? undefined : got[level]?.unit.name;
      const hit = same(written, result[level] || undefined);
      if (hit) right[level]++;
      else ok = false;
      if (written !== undefined && result[level]) predicted[level]++, hit && predictedRight[level]++;
      if (result[level]) given[level]++, hit && rightGiven[level]++;
    }
    if (ok) all++;
    if (same(parseAddress(text).province63?.name, result.province || undefined)) parseOnlyProvince++;
  }
  console.log(`\nnoisy-addresses-450 (${cases.length} OCR-noisy old addresses; silver labels; "" must stay empty)`);
  for (const level of levels) {
    console.log(
      `  ${level.padEnd(8)} accuracy ${pct(right[level], cases.length)}   on labelled ${pct(rightGiven[level], given[level])} (${rightGiven[level]}/${given[level]})   precision where labelled and answered ${pct(predictedRight[level], predicted[level])}`,
    );
  }
  console.log(
    `  all three right ${pct(all, cases.length)}   province from parseAddress alone (no data files) ${pct(parseOnlyProvince, cases.length)}`,
  );
}

// 2. daohoangson-dvhcvn parser cases
{
  const cases = readJson('admin-units/daohoangson-dvhcvn/tests/address_parser_cases.json').filter(
    (c) => c.expected[0] !== 'TODO',
  );
  let exact = 0;
  const failures = [];
  for (const c of cases) {
    const r = timed(() => gazetteer.resolveAddress(c.input, { era: 'old' }));
    const units = [r.commune?.unit, r.district?.unit, r.province?.unit].filter(Boolean);
    const byCode = c.expected.length > 0 && /^\d+$/.test(c.expected[0]);
    const got = units.map((u) => (byCode ? u.code : label(u)));
    const ok = got.length === c.expected.length && got.every((g, i) => same(g, c.expected[i]));
    if (ok) exact++;
    else failures.push(c);
  }
  console.log(`\ndaohoangson-dvhcvn address_parser_cases (${cases.length} informal old addresses, 6 TODO skipped)`);
  console.log(`  exact unit list ${pct(exact, cases.length)} (${exact}/${cases.length})`);
}

// 3. underthesea conversion assertions
{
  const cases = readJson('addresses/underthesea-cases/underthesea_cases.json').address_convert_old_to_new;
  let pass = 0;
  for (const c of cases) {
    const r = timed(() => gazetteer.toCurrentUnits(c.input));
    const province = r.province && label(gazetteer.get('current', 'province', r.province.code));
    const checks = [
      c.status !== 'NOT_FOUND' || r.province === undefined,
      c.status !== 'SUCCESS' || r.commune !== undefined || r.ambiguous,
      c.status !== 'PARTIAL' || (r.province !== undefined && r.commune === undefined),
      c.new_ward === undefined || same(label(r.commune), c.new_ward),
      c.new_province === undefined || same(province, c.new_province),
      c.new_province_nonempty === undefined || r.province !== undefined,
      c.converted_contains === undefined || c.converted_contains.every((s) => r.text?.includes(s)),
      c.mapping_type !== 'DIVIDED' || r.ambiguous,
    ];
    if (checks.every(Boolean)) pass++;
  }
  console.log(`\nunderthesea address_convert_old_to_new (${cases.length} assertions)`);
  console.log(`  passed ${pass}/${cases.length}`);
}

// 4 and 5. old→new conversion over the GSO list, against the second mapping
{
  const splits = readJson('admin-units/dvhcvn-20250701/mapping/splits.json');
  const primary = new Map(
    splits.data.flatMap((p) => p.level3s.map((w) => [w.level3_id, w.splits.map((s) => s.new_id)])),
  );
  const hard = readJson('admin-units/mapping_disagreements_dvhcvn_vs_vietnamadminunits.json').disagreements;
  const hardCodes = new Set(hard.map((d) => d.old_code));
  const oldCommunes = [];
  for (const province of [...Array(100).keys()]
    .map((i) => gazetteer.get('old', 'province', String(i).padStart(2, '0')))
    .filter(Boolean)) {
    for (const district of gazetteer.children(province))
      for (const commune of gazetteer.children(district)) oldCommunes.push({ commune, district, province });
  }
  const abbreviate = (u) =>
    ({
      phường: 'P.',
      xã: 'X.',
      'thị trấn': 'TT.',
      quận: 'Q.',
      huyện: 'H.',
      'thị xã': 'TX.',
      'thành phố': 'TP.',
      tỉnh: '',
    })[u.type] + u.name;
  const writings = {
    full: ({ commune, district, province }) => [label(commune), label(district), label(province)].join(', '),
    'abbreviated, no diacritics': ({ commune, district, province }) =>
      foldDiacritics([abbreviate(commune), abbreviate(district), abbreviate(province)].join(', ')),
  };
  for (const [name, write] of Object.entries(writings)) {
    let back = 0;
    let unique = 0;
    let split = 0;
    let offered = 0;
    let wrong = 0;
    let agreeSecond = 0;
    let secondKnown = 0;
    for (const unit of oldCommunes) {
      const r = timed(() => gazetteer.toCurrentUnits(write(unit)));
      if (r.old.commune?.unit.code === unit.commune.code) back++;
      else if (r.old.commune && r.ok) wrong++;
      if (r.ambiguous) split++;
      if (r.commune && !r.ok) offered++;
      if (r.commune && r.ok) {
        unique++;
        const second = r.alternatives?.[0]?.codes ?? [];
        if (second.length > 0) secondKnown++, second.includes(r.commune.code) && agreeSecond++;
      }
    }
    console.log(`\nold communes written out (${name}; ${oldCommunes.length} GSO communes)`);
    console.log(
      `  resolved back to the same old commune ${pct(back, oldCommunes.length)}; converted to one current commune ${pct(unique, oldCommunes.length)}; split or disputed (needs review) ${pct(split, oldCommunes.length)}; one commune but snapped (needs review) ${pct(offered, oldCommunes.length)}; converted from another old commune (wrong) ${pct(wrong, oldCommunes.length)} (${wrong})`,
    );
    console.log(
      `  one-commune conversions agreeing with the second mapping (vietnamadminunits) ${pct(agreeSecond, secondKnown)} (${agreeSecond}/${secondKnown})`,
    );
  }
  let flagged = 0;
  let filled = 0;
  let found = 0;
  for (const d of hard) {
    const unit = oldCommunes.find((u) => u.commune.code === d.old_code);
    if (!unit) continue;
    found++;
    const r = gazetteer.toCurrentUnits(writings.full(unit));
    if (r.ambiguous) flagged++;
    else if (r.commune && r.ok) filled++;
  }
  let equal = 0;
  let subset = 0;
  let both = 0;
  for (const { commune } of oldCommunes) {
    const a = primary.get(commune.code);
    const r = gazetteer.toCurrentUnits(writings.full(oldCommunes.find((u) => u.commune === commune)));
    const b = r.alternatives?.[0]?.codes;
    if (!a || !b || b.length === 0) continue;
    both++;
    if (a.length === b.length && a.every((c) => b.includes(c))) equal++;
    if (b.every((c) => a.includes(c))) subset++;
  }
  console.log(`\nthe ${hard.length} hard codes where the two mappings disagree (${found} in the GSO list)`);
  console.log(
    `  flagged for review (ambiguous, candidates offered) ${flagged}/${found}; converted to one commune without review ${filled}/${found}`,
  );
  console.log(
    `mapping agreement over ${both} old communes in both: identical sets ${pct(equal, both)}; second ⊆ first ${pct(subset, both)}; hard-code list size ${hardCodes.size}`,
  );
}

console.log(`\nmedian time per address ${median(times).toFixed(3)} ms over ${times.length} addresses`);

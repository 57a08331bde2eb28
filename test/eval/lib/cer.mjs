// Character error rate for OCR evaluations: edit distance over the reference length, NFC, whitespace collapsed.

const collapse = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (ch) =>
  ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/** Edits and reference length, and the share of marked reference letters read with the right base but a wrong mark. */
export function scoreText(reference, hypothesis) {
  const r = [...collapse(reference)];
  const h = [...collapse(hypothesis)];
  const n = r.length;
  const m = h.length;
  const d = new Uint32Array((n + 1) * (m + 1));
  for (let i = 0; i <= n; i++) d[i * (m + 1)] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = r[i - 1] === h[j - 1] ? 0 : 1;
      d[i * (m + 1) + j] = Math.min(
        d[(i - 1) * (m + 1) + j] + 1,
        d[i * (m + 1) + j - 1] + 1,
        d[(i - 1) * (m + 1) + j - 1] + cost,
      );
    }
  }
  let i = n;
  let j = m;
  let marked = 0;
  let wrongMark = 0;
  while (i > 0 && j > 0) {
    const here = d[i * (m + 1) + j];
    if (here === d[(i - 1) * (m + 1) + j - 1] + (r[i - 1] === h[j - 1] ? 0 : 1)) {
      const a = r[i - 1];
      if (/[^\x00-\x7f]/.test(a) && /\p{L}/u.test(a)) {
        marked++;
        if (a !== h[j - 1] && fold(a) === fold(h[j - 1])) wrongMark++;
      }
      i--;
      j--;
    } else if (here === d[(i - 1) * (m + 1) + j] + 1) i--;
    else j--;
  }
  return { edits: d[n * (m + 1) + m], length: n, marked, wrongMark };
}

/** Pooled CER (total edits over total reference length) of several scores. */
export function pooledCer(scores) {
  return (
    scores.reduce((s, x) => s + x.edits, 0) /
    Math.max(
      1,
      scores.reduce((s, x) => s + x.length, 0),
    )
  );
}

/** Pooled CER and wrong-diacritic share of several scores. */
export function pooled(scores) {
  const sum = (k) => scores.reduce((s, x) => s + x[k], 0);
  return { cer: sum('edits') / Math.max(1, sum('length')), diacritics: sum('wrongMark') / Math.max(1, sum('marked')) };
}

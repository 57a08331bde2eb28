// "Filed under the right person": each record's subject against the truth's ID. `wrong` must stay 0.
// `as read` is what the extractor proposed before decideSubject (the subject, or the unproven ID it left as candidate).

/** A tally of subject decisions: correct / unlinked / wrong, now and as the ID was read. */
export function createFilingTally() {
  const now = { correct: 0, unlinked: 0, wrong: 0 };
  const asRead = { correct: 0, unlinked: 0, wrong: 0 };
  const reasons = new Map();
  const bucket = (id, expected) => (id === undefined ? 'unlinked' : id === expected ? 'correct' : 'wrong');
  return {
    /** `record` may be undefined (nothing extracted): it counts as unlinked. */
    add(record, expected) {
      const linked = record?.subject?.id;
      const read = linked ?? record?.link?.candidates?.find((c) => c.rule === 'id-unconfirmed')?.subject.id;
      now[bucket(linked, expected)]++;
      asRead[bucket(read, expected)]++;
      const reason = record?.link?.reason ?? 'not-extracted';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    },
    lines() {
      const fmt = (t) => `correct ${t.correct}, unlinked ${t.unlinked}, wrong ${t.wrong}`;
      return [
        `Filed under the right person: ${fmt(now)} (wrong must be 0)`,
        `  with the ID as read, before the identity-grade rule: ${fmt(asRead)}`,
        `  link reasons: ${[...reasons.entries()]
          .sort()
          .map(([r, n]) => `${r} ${n}`)
          .join(', ')}`,
      ];
    },
    wrong: () => now.wrong,
  };
}

/** Renders rows as an aligned text table (display width counts NFC characters). */
export function formatTable(header: string[], rows: string[][]): string {
  const len = (s: string) => [...s.normalize('NFC')].length;
  const widths = header.map((h, i) => Math.max(len(h), ...rows.map((r) => len(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - len(c)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

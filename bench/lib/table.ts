/** The results as the table `npm run bench` prints. */

export interface Row {
  section: string;
  target: string;
  value: string;
  note?: string;
}

export function formatTable(rows: Row[]): string {
  const widths = [
    Math.max(...rows.map((r) => r.section.length), 7),
    Math.max(...rows.map((r) => r.target.length), 6),
    Math.max(...rows.map((r) => r.value.length), 5),
  ];
  const line = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] as number) : cell)).join('  ').trimEnd();
  const out = [line(['section', 'target', 'value', 'note']), line(widths.map((w) => '-'.repeat(w)).concat('----'))];
  let last = '';
  for (const row of rows) {
    out.push(line([row.section === last ? '' : row.section, row.target, row.value, row.note ?? '']));
    last = row.section;
  }
  return out.join('\n');
}

export const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const times = (value: number): string => `${fixed(value)}x`;

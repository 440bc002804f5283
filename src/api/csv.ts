// CSV (RFC 4180) for the tab's exports: quoted where needed, and cells a spreadsheet would run as a formula
// (=, +, -, @ first) prefixed with an apostrophe, since subjects and senders come from outside mail.
type Cell = string | number | boolean | null;

function cell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

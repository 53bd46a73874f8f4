/**
 * A strict RFC 4180 reader (https://www.rfc-editor.org/rfc/rfc4180): comma-separated fields,
 * records ending in CRLF (LF or a lone CR also accepted, as spreadsheets and editors differ),
 * fields optionally in double quotes, `""` for a quote inside a quoted field, and line breaks
 * allowed inside quotes. Problems are reported per record with the line it starts on, so one
 * bad row does not hide the others.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts in the file. */
  line: number;
  fields: string[];
  /** Set when this record broke the quoting rules; `fields` are then unreliable. */
  problem?: 'stray-quote' | 'text-after-quote';
}

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  /** A quote opened on `line` never closed: everything after it would be one field. */
  | { ok: false; error: 'unterminated-quote'; line: number };

export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let problem: CsvRecord['problem'];
    let field = '';
    let atEnd = false;
    // One record.
    while (!atEnd) {
      if (text[i] === '"') {
        const openedOn = line;
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            line++;
            if (c === '\r' && text[i + 1] === '\n') {
              field += '\r\n';
              i += 2;
              continue;
            }
          }
          field += c;
          i++;
        }
        if (!closed) return { ok: false, error: 'unterminated-quote', line: openedOn };
        // After a closing quote only a separator or the end of the record may follow.
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          problem ??= 'text-after-quote';
          field += text[i];
          i++;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') problem ??= 'stray-quote';
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        atEnd = true;
      } else if (text[i] === ',') {
        i++;
        if (i >= n) fields.push('');
        atEnd = i >= n;
      } else {
        // \r\n, \n or \r ends the record.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        atEnd = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === '' && !problem;
    if (!blank) records.push({ line: start, fields, ...(problem ? { problem } : {}) });
  }
  return { ok: true, records };
}

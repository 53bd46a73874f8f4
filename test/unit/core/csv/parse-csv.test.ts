import { decodeUpload, MAX_CSV_BYTES } from '../../../../src/core/csv/decode-upload';
import { parseCsv } from '../../../../src/core/csv/parse-csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields with CRLF, LF and CR record ends', () => {
    const parsed = parseCsv('a,b\r\nc,d\ne,f\rg,h');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
        { line: 3, fields: ['e', 'f'] },
        { line: 4, fields: ['g', 'h'] },
      ],
    });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting lines', () => {
    const parsed = parseCsv('name,notes\r\n"Smith, Ann","She said ""hi""\r\nand left"\r\nBob,x\r\n');
    expect(parsed.ok && parsed.records).toEqual([
      { line: 1, fields: ['name', 'notes'] },
      { line: 2, fields: ['Smith, Ann', 'She said "hi"\r\nand left'] },
      { line: 4, fields: ['Bob', 'x'] },
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n').ok && (parseCsv('a,,c,\n') as { records: Array<{ fields: string[] }> }).records[0]!.fields).toEqual([
      'a',
      '',
      'c',
      '',
    ]);
    expect((parseCsv('a,') as { records: Array<{ fields: string[] }> }).records[0]!.fields).toEqual(['a', '']);
    // A record that is one empty field carries nothing: treated like a blank line.
    expect(parseCsv('""\n')).toEqual({ ok: true, records: [] });
  });

  it('skips blank lines but keeps line numbers right', () => {
    const parsed = parseCsv('a\n\n\nb\n');
    expect(parsed.ok && parsed.records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('reports an unterminated quote with the line it opened on', () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toEqual({ ok: false, error: 'unterminated-quote', line: 2 });
  });

  it('flags stray quotes and text after a closing quote on that record only', () => {
    const parsed = parseCsv('a,b\nab"c,d\n"x"y,z\nok,fine');
    expect(parsed.ok && parsed.records.map((r) => r.problem)).toEqual([undefined, 'stray-quote', 'text-after-quote', undefined]);
  });
});

describe('decodeUpload', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('strips the UTF-8 byte order mark', () => {
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('name,phase')]))).toEqual({ ok: true, text: 'name,phase' });
  });

  it('falls back to Windows-1252 for Excel "CSV" files', () => {
    expect(decodeUpload(new Uint8Array([...bytes('Zo'), 0xeb]))).toEqual({ ok: true, text: 'Zoë' });
  });

  it('refuses files over 5 MB before decoding', () => {
    expect(decodeUpload(new Uint8Array(MAX_CSV_BYTES + 1))).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses spreadsheets, binary files and empty files', () => {
    expect(decodeUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ ok: false, error: 'spreadsheet' });
    expect(decodeUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ ok: false, error: 'binary' });
    expect(decodeUpload(bytes(' \n \n'))).toEqual({ ok: false, error: 'empty' });
  });
});

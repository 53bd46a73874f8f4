/**
 * Turns an uploaded file into text, refusing what is not a CSV before any parsing: too big,
 * binary (a spreadsheet, a PDF, an image), or empty. Accepts UTF-8 (with or without the BOM
 * Excel writes for "CSV UTF-8") and falls back to Windows-1252, what Excel's plain "CSV"
 * writes on Windows, so "Zoë" survives either way.
 */

/** Largest upload accepted: a trust's roster is a few hundred rows, far below this. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type DecodeError = 'too-large' | 'empty' | 'spreadsheet' | 'binary';
export type Decoded = { ok: true; text: string } | { ok: false; error: DecodeError };

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx, .docx, .zip
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // old .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function decodeUpload(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, error: 'too-large' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return { ok: false, error: 'spreadsheet' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab, CR and LF never appear in a text CSV.
  if (hasControlCharacters(text)) return { ok: false, error: 'binary' };
  if (!text.trim()) return { ok: false, error: 'empty' };
  return { ok: true, text };
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

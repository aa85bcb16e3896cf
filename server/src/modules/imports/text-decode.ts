/**
 * Text files arrive in whatever encoding Excel saved them in: UTF-8 with or without a byte order
 * mark ("CSV UTF-8"), or GB18030/GBK (plain "CSV" from Chinese Excel), rarely UTF-16 ("Unicode
 * text"). We recognise the encoding from the bytes and decode in chunks, so a 200 MB file is never
 * held twice as one string.
 */
import { ImportFileError } from './import.errors';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The encoding of a text file and the length of its byte order mark. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bom: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', bom: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', bom: 2 };
  }
  // Without a mark: the non-ASCII bytes of a sample tell. GBK's two-byte characters are rarely
  // valid UTF-8 sequences, so a UTF-8 file is one whose sequences are (nearly) all valid: counted
  // over the whole sample, so that one stray byte early in the file does not decide it.
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first < 0) {
    return { encoding: 'utf-8', bom: 0 };
  }
  const { valid, invalid } = countUtf8Sequences(bytes.subarray(first, first + SNIFF_SAMPLE));
  return { encoding: valid > 0 && invalid * 20 <= valid ? 'utf-8' : 'gb18030', bom: 0 };
}

/** How many bytes after the first non-ASCII one are weighed to tell UTF-8 from GB18030. */
const SNIFF_SAMPLE = 64 * 1024;

/** The length of a UTF-8 sequence that starts with `lead`, or 0 when `lead` cannot start one. */
function utf8Length(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) {
    return 2;
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    return 3;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return 4;
  }
  return 0;
}

/**
 * Counts the well-formed multi-byte UTF-8 sequences in `sample` and the bytes that start none. A
 * sequence cut off by the end of the sample counts as neither. (Overlong and surrogate forms are
 * not told apart: for telling UTF-8 from GBK that precision is not needed.)
 */
export function countUtf8Sequences(sample: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let at = 0;
  while (at < sample.length) {
    const lead = sample[at] as number;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const length = utf8Length(lead);
    if (at + length > sample.length) {
      break;
    }
    let ok = length > 0;
    for (let i = 1; ok && i < length; i += 1) {
      ok = ((sample[at + i] as number) & 0xc0) === 0x80;
    }
    if (ok) {
      valid += 1;
      at += length;
    } else {
      invalid += 1;
      at += 1;
    }
  }
  return { valid, invalid };
}

/** Decoded a quarter megabyte at a time: small enough for a smooth progress figure. */
const CHUNK = 1 << 18;

/**
 * Decodes `bytes` chunk by chunk. `onProgress` gets the bytes consumed. A UTF-8 file that turns
 * out not to be UTF-8 further on is refused with a message that says how to save it properly.
 */
export function* decodeText(bytes: Uint8Array, onProgress: (read: number) => void = () => undefined): Generator<string> {
  const { encoding, bom } = sniffEncoding(bytes);
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for (let at = bom; at < bytes.length; at += CHUNK) {
    const end = Math.min(bytes.length, at + CHUNK);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    } catch {
      throw new ImportFileError(
        '文件不是有效的 UTF-8 编码。请在 Excel 中“另存为”并选择“CSV UTF-8（逗号分隔）”，或使用 XLSX 文件',
        'The file is not valid UTF-8. In Excel use "Save as" → "CSV UTF-8 (comma delimited)", or upload an XLSX file',
      );
    }
    onProgress(end);
    if (text) {
      yield text;
    }
  }
}

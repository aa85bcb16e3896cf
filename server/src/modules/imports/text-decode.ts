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
  // Without a mark: the first non-ASCII bytes tell. GBK's two-byte characters are almost never
  // valid UTF-8 sequences, and a window of 4 KB holds enough of them to be sure.
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first < 0) {
    return { encoding: 'utf-8', bom: 0 };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(first, first + 4096), { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
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

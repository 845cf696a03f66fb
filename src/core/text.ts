/** Turning raw file bytes into article text, with a reason whenever that is impossible. */

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; reason: 'binary' | 'not-utf8'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/**
 * Decodes article bytes: UTF-8 (a leading BOM dropped so offsets match what an editor shows),
 * or UTF-16 when the file starts with a UTF-16 byte-order mark. NUL bytes anywhere in a UTF-8
 * file mean a binary file, and invalid sequences are refused rather than replaced, because
 * silently replaced characters would shift every offset we report.
 */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) return decodeUtf16(bytes.subarray(2), be);
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary', message: 'looks like a binary file (it contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8', message: 'is not valid UTF-8 text (convert it to UTF-8 first)' };
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom, encoding: 'utf-8' };
}

function decodeUtf16(body: Uint8Array, bigEndian: boolean): DecodeResult {
  const encoding = bigEndian ? 'utf-16be' : 'utf-16le';
  if (body.length % 2 !== 0) return { ok: false, reason: 'not-utf8', message: `starts like ${encoding.toUpperCase()} text but has an odd number of bytes (convert it to UTF-8 first)` };
  // Big-endian is swapped to little-endian, the decoder every runtime has.
  const units = bigEndian ? body.map((_, i) => body[i ^ 1]) : body;
  let text: string;
  try {
    text = utf16le.decode(units);
  } catch {
    return { ok: false, reason: 'not-utf8', message: `is not valid ${encoding.toUpperCase()} text (convert it to UTF-8 first)` };
  }
  if (text.includes('\0')) return { ok: false, reason: 'binary', message: 'looks like a binary file (it contains NUL characters)' };
  return { ok: true, text, hadBom: true, encoding };
}

/** A fast, stable 53-bit content hash (cyrb53); used only as a cache key, never for security. */
export function contentHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

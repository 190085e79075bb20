/**
 * Reads a zip's central directory without inflating anything, so that a package can be judged —
 * entry names, links, counts, declared sizes and ratios — before a byte is decompressed.
 * Decompression itself is fflate's (see `package.ts`); this reader exists because no zip library
 * both runs in the page and in Node and reports an entry's file type (to refuse links) and raw
 * offsets (to inflate with a running byte count).
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** Where the entry's data starts in the file. */
  dataOffset: number;
  isDirectory: boolean;
  isLink: boolean;
}

/** `message` is a code (`truncated`, `zip64`, …); `entry` names the entry it concerns, if one. */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(d: Uint8Array, at: number): number {
  if (at + 2 > d.length) throw new ZipFormatError('truncated');
  return d[at]! | (d[at + 1]! << 8);
}
function u32(d: Uint8Array, at: number): number {
  if (at + 4 > d.length) throw new ZipFormatError('truncated');
  return (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
}

/** The entries listed in the central directory, in order; throws ZipFormatError when unreadable. */
export function readZipIndex(data: Uint8Array, maxEntries: number): ZipEntry[] {
  if (data.length < 22 || u32(data, 0) !== 0x04034b50) throw new ZipFormatError('not a zip');
  // The end record is in the last 22 + 65,535 bytes (a comment may follow it).
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at -= 1) {
    if (u32(data, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('truncated');
  const count = u16(data, end + 10);
  const dirSize = u32(data, end + 12);
  const dirOffset = u32(data, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError('zip64');
  if (count > maxEntries) throw new ZipFormatError(`entries:${count}`);
  if (dirOffset + dirSize > end) throw new ZipFormatError('truncated');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  const spans: { name: string; from: number; to: number }[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (u32(data, at) !== CENTRAL) throw new ZipFormatError('truncated');
    const madeBy = u16(data, at + 4) >> 8;
    const flags = u16(data, at + 8);
    const method = u16(data, at + 10);
    const crc32 = u32(data, at + 16);
    const compressedSize = u32(data, at + 20);
    const size = u32(data, at + 24);
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    const external = u32(data, at + 38);
    const localOffset = u32(data, at + 42);
    if (at + 46 + nameLength > data.length) throw new ZipFormatError('truncated');
    if (flags & 0x1) throw new ZipFormatError('encrypted');
    let name: string;
    try {
      name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw new ZipFormatError('name encoding');
    }
    // Unix file type in the high bits of the external attributes (made by 3 = Unix): 0o120000 = link.
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    const isLink = (unixMode & 0o170000) === 0o120000;
    if (u32(data, localOffset) !== LOCAL) throw new ZipFormatError('truncated');
    const localNameLength = u16(data, localOffset + 26);
    const dataOffset = localOffset + 30 + localNameLength + u16(data, localOffset + 28);
    if (dataOffset + compressedSize > data.length) throw new ZipFormatError('truncated');
    // A tool that reads the local headers (a streaming unzip) must find the file checked here:
    // the same name and method, and, unless they follow the data (flag 3), the same sizes.
    const localFlags = u16(data, localOffset + 6);
    if (
      !sameBytes(
        data.subarray(localOffset + 30, localOffset + 30 + localNameLength),
        data.subarray(at + 46, at + 46 + nameLength),
      ) ||
      u16(data, localOffset + 8) !== method ||
      (!(localFlags & 0x8) &&
        (u32(data, localOffset + 14) !== crc32 ||
          u32(data, localOffset + 18) !== compressedSize ||
          u32(data, localOffset + 22) !== size))
    )
      throw new ZipFormatError('local header', name);
    entries.push({
      name,
      method,
      compressedSize,
      size,
      crc32,
      dataOffset,
      isDirectory: name.endsWith('/'),
      isLink,
    });
    at += 46 + nameLength + extraLength + commentLength;
    spans.push({ name, from: localOffset, to: dataOffset + compressedSize });
  }
  // Entries that share bytes are how a small zip inflates to a huge one (overlapping entries).
  spans.sort((a, b) => a.from - b.from);
  for (let i = 1; i < spans.length; i += 1)
    if (spans[i]!.from < spans[i - 1]!.to) throw new ZipFormatError('overlap', spans[i]!.name);
  if (spans.length > 0 && spans[spans.length - 1]!.to > dirOffset)
    throw new ZipFormatError('overlap', spans[spans.length - 1]!.name);
  return entries;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A name that stays inside the package: relative, forward slashes, no `..`, no drive letter, no
 * control character.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.length > 200) return false;
  if (name.includes('\\') || hasControlCharacter(name)) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '..' && part !== '.');
}

/**
 * C0 and C1 controls and DEL (a carriage return or an escape sequence rewrites a terminal's
 * lines), the bidirectional marks, embeddings, overrides and isolates (they reorder what is
 * shown: `gpj.exe` looks like `exe.jpg`), and the line and paragraph separators.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The text with each control character shown as `\uXXXX`, so that it can be printed on a
 * terminal or a page and shows what it holds rather than acting.
 */
export function showControlCharacters(text: string): string {
  return text.replace(
    new RegExp(CONTROL.source, 'g'),
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

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

/**
 * A zip's bytes, read at any offset: a file held in memory, or one on disk read piece by piece
 * (the county's command line), so that a package is judged without holding all of it.
 */
export interface ByteSource {
  readonly length: number;
  /** The bytes at `offset` (fewer past the end). May be a view: not to be kept or changed. */
  read(offset: number, length: number): Uint8Array;
}

export const memorySource = (data: Uint8Array): ByteSource => ({
  length: data.length,
  read: (offset, length) => data.subarray(offset, offset + length),
});

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A central directory larger than this is not one this app wrote (50,000 entries ≈ 5 MB). */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

function u16(d: Uint8Array, at: number): number {
  if (at + 2 > d.length) throw new ZipFormatError('truncated');
  return d[at]! | (d[at + 1]! << 8);
}
function u32(d: Uint8Array, at: number): number {
  if (at + 4 > d.length) throw new ZipFormatError('truncated');
  return (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
}
/** Exactly `length` bytes at `offset`, or a truncated zip. */
function readExactly(source: ByteSource, offset: number, length: number): Uint8Array {
  if (offset + length > source.length) throw new ZipFormatError('truncated');
  const bytes = source.read(offset, length);
  if (bytes.length !== length) throw new ZipFormatError('truncated');
  return bytes;
}

/**
 * The entries listed in the central directory, in order; throws ZipFormatError when unreadable.
 * Reads only the end record, the directory and each local header.
 */
export function readZipIndex(data: Uint8Array | ByteSource, maxEntries: number): ZipEntry[] {
  const source = data instanceof Uint8Array ? memorySource(data) : data;
  if (source.length < 22 || u32(source.read(0, 4), 0) !== LOCAL)
    throw new ZipFormatError('not a zip');
  // The end record is in the last 22 + 65,535 bytes (a comment may follow it).
  const tailStart = Math.max(0, source.length - 22 - 0xffff);
  const tail = readExactly(source, tailStart, source.length - tailStart);
  let endInTail = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1) {
    if (u32(tail, at) === EOCD) {
      endInTail = at;
      break;
    }
  }
  if (endInTail < 0) throw new ZipFormatError('truncated');
  const end = tailStart + endInTail;
  const count = u16(tail, endInTail + 10);
  const dirSize = u32(tail, endInTail + 12);
  const dirOffset = u32(tail, endInTail + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipFormatError('zip64');
  if (count > maxEntries) throw new ZipFormatError(`entries:${count}`);
  if (dirOffset + dirSize > end || dirSize > MAX_DIRECTORY_BYTES)
    throw new ZipFormatError('truncated');
  // A copy: a file source may hand out a buffer it reuses.
  const dir = readExactly(source, dirOffset, dirSize).slice();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  const spans: { name: string; from: number; to: number }[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (u32(dir, at) !== CENTRAL) throw new ZipFormatError('truncated');
    const madeBy = u16(dir, at + 4) >> 8;
    const flags = u16(dir, at + 8);
    const method = u16(dir, at + 10);
    const crc32 = u32(dir, at + 16);
    const compressedSize = u32(dir, at + 20);
    const size = u32(dir, at + 24);
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    const external = u32(dir, at + 38);
    const localOffset = u32(dir, at + 42);
    if (at + 46 + nameLength > dir.length) throw new ZipFormatError('truncated');
    if (flags & 0x1) throw new ZipFormatError('encrypted');
    const nameBytes = dir.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    try {
      name = decoder.decode(nameBytes);
    } catch {
      throw new ZipFormatError('name encoding');
    }
    // Unix file type in the high bits of the external attributes (made by 3 = Unix): 0o120000 = link.
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    const isLink = (unixMode & 0o170000) === 0o120000;
    const local = readExactly(source, localOffset, 30).slice();
    if (u32(local, 0) !== LOCAL) throw new ZipFormatError('truncated');
    const localNameLength = u16(local, 26);
    const dataOffset = localOffset + 30 + localNameLength + u16(local, 28);
    if (dataOffset + compressedSize > source.length) throw new ZipFormatError('truncated');
    // A tool that reads the local headers (a streaming unzip) must find the file checked here:
    // the same name and method, and, unless they follow the data (flag 3), the same sizes.
    const localFlags = u16(local, 6);
    if (
      !sameBytes(readExactly(source, localOffset + 30, localNameLength), nameBytes) ||
      u16(local, 8) !== method ||
      (!(localFlags & 0x8) &&
        (u32(local, 14) !== crc32 || u32(local, 18) !== compressedSize || u32(local, 22) !== size))
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

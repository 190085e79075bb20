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

export class ZipFormatError extends Error {}

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
    const dataOffset = localOffset + 30 + u16(data, localOffset + 26) + u16(data, localOffset + 28);
    if (dataOffset + compressedSize > data.length) throw new ZipFormatError('truncated');
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
  }
  return entries;
}

/** A name that stays inside the package: relative, forward slashes, no `..`, no drive letter. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.length > 200) return false;
  if (name.includes('\\') || name.includes('\0')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '..' && part !== '.');
}

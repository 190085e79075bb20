import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { deflateSync } from 'fflate';

/**
 * Zips and packages written byte by byte from the public formats (PKWARE's APPNOTE and
 * docs/handoff-format.md), not with the project's writer: what another tool, or someone
 * crafting a package, could hand the verifier. Used only by tests.
 */
export interface HandMadeEntry {
  name: string;
  data: Uint8Array;
  /** 8 (default): deflated; 0: stored. */
  method?: 0 | 8;
  /** The name in the local header, when it is to differ from the central directory's. */
  localName?: string;
  /** The inflated size both headers claim (default: the real one). */
  declaredSize?: number;
  /** Unix mode in the external attributes (made by Unix), e.g. 0o120777 for a link. */
  unixMode?: number;
  /**
   * Written only in the central directory, pointing into that earlier (stored) entry's data,
   * which holds this entry's local header and data (`localRecord`): a quoted overlap.
   */
  inside?: string;
}

const encoder = new TextEncoder();

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  u16(v: number) {
    return this.raw(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number) {
    return this.raw(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]));
  }
  raw(bytes: Uint8Array) {
    this.parts.push(bytes);
    this.length += bytes.length;
    return this;
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const bodyOf = (e: HandMadeEntry) => ((e.method ?? 8) === 8 ? deflateSync(e.data) : e.data);

/** An entry's local file header and data, as they stand in a zip. */
export function localRecord(e: HandMadeEntry): Uint8Array {
  const body = bodyOf(e);
  const localName = encoder.encode(e.localName ?? e.name);
  // Version 2.0, UTF-8 names (bit 11), no time stamp.
  return new Bytes()
    .u32(0x04034b50)
    .u16(20)
    .u16(0x0800)
    .u16(e.method ?? 8)
    .u16(0)
    .u16(0)
    .u32(crc32(e.data))
    .u32(body.length)
    .u32(e.declaredSize ?? e.data.length)
    .u16(localName.length)
    .u16(0)
    .raw(localName)
    .raw(body)
    .done();
}

export function handMadeZip(entries: readonly HandMadeEntry[]): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  /** Where each entry's data starts. */
  const dataAt = new Map<string, number>();
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = bodyOf(e);
    const name = encoder.encode(e.name);
    let offset = out.length;
    if (e.inside !== undefined) {
      const at = dataAt.get(e.inside);
      if (at === undefined) throw new Error(`no earlier entry ${e.inside}`);
      offset = at;
    } else {
      const record = localRecord(e);
      dataAt.set(e.name, offset + record.length - body.length);
      out.raw(record);
    }
    central
      .u32(0x02014b50)
      .u16((3 << 8) | 20)
      .u16(20)
      .u16(0x0800)
      .u16(method)
      .u16(0)
      .u16(0);
    central
      .u32(crc32(e.data))
      .u32(body.length)
      .u32(e.declaredSize ?? e.data.length);
    central.u16(name.length).u16(0).u16(0).u16(0).u16(0);
    central.u32(((e.unixMode ?? 0o100644) << 16) >>> 0).u32(offset);
    central.raw(name);
  }
  const dirOffset = out.length;
  const dir = central.done();
  out.raw(dir);
  // End of central directory: disk numbers 0, the entry count twice, the directory's size and
  // offset, no comment.
  out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length);
  out.u32(dir.length).u32(dirOffset).u16(0);
  return out.done();
}

export interface HandMadePackageInput {
  secretKey: Uint8Array;
  /** The package's entries besides the manifest and signature, as the manifest lists them. */
  files: Record<string, Uint8Array>;
  /** Changes to the manifest before it is signed. */
  manifest?: (manifest: Record<string, unknown>) => Record<string, unknown>;
  /** Changes to the zip's entries (all of them, manifest first) before they are written. */
  zip?: (entries: HandMadeEntry[]) => HandMadeEntry[];
}

/**
 * A package as docs/handoff-format.md describes it: the manifest listing every file with its
 * size and SHA-256, its Ed25519 signature, then the files; `counts` for every `records/*.json`.
 */
export function handMadePackage(input: HandMadePackageInput): Uint8Array {
  const names = Object.keys(input.files).sort();
  const counts: Record<string, number> = {};
  for (const name of names) {
    const table = /^records\/([A-Za-z0-9]+)\.json$/.exec(name)?.[1];
    if (!table) continue;
    try {
      counts[table] = (JSON.parse(new TextDecoder().decode(input.files[name])) as []).length;
    } catch {
      counts[table] = 0; // not JSON: a test of that gives its own counts
    }
  }
  const base: Record<string, unknown> = {
    format: 'eco-desk-handoff',
    formatVersion: 2,
    appVersion: '0.1.0',
    town: { id: 't1', name: '青山镇' },
    period: { from: '2026-01', to: '2026-10' },
    createdAt: '2026-11-28T10:00:00.000Z',
    publicKey: bytesToHex(ed25519.getPublicKey(input.secretKey)),
    counts,
    entries: names.map((name) => ({
      name,
      size: input.files[name]!.length,
      sha256: bytesToHex(sha256(input.files[name]!)),
    })),
  };
  const manifest = encoder.encode(JSON.stringify(input.manifest?.(base) ?? base, null, 2));
  const signature = encoder.encode(bytesToHex(ed25519.sign(manifest, input.secretKey)));
  const entries: HandMadeEntry[] = [
    { name: 'manifest.json', data: manifest },
    { name: 'manifest.sig', data: signature },
    ...names.map((name) => ({ name, data: input.files[name]! })),
  ];
  return handMadeZip(input.zip?.(entries) ?? entries);
}

import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Inflate, inflateSync, Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { z } from 'zod';
import {
  hasControlCharacter,
  isSafeEntryName,
  memorySource,
  readZipIndex,
  showControlCharacters,
  ZipFormatError,
  type ByteSource,
  type ZipEntry,
} from './zipIndex';
import { RowReader, type RowsRead } from './recordRows';

/**
 * The hand-off package (数据交换包): a zip with `manifest.json`, a detached Ed25519 signature over
 * it (`manifest.sig`), the records as JSON per table (`records/<table>.json`), attachments and
 * readable copies. Documented for the county's own tools in docs/handoff-format.md.
 */
export const HANDOFF_FORMAT = 'eco-desk-handoff';
/**
 * 2: a package that leaves the PC no longer carries its town, settings or hand-off log (an
 * import never replaces them), and a backup says it is one. Version 1 is still read.
 */
export const HANDOFF_VERSION = 2;
/**
 * 3: a table too large for one entry (a county desk's 1.6 million records, about 1 GB of JSON)
 * is written in parts, `records/<table>.json`, `records/<table>.2.json`, …, counted in the
 * manifest's `parts`. Written only by a package that has such a table: any other stays version 2,
 * which an older program reads.
 */
export const HANDOFF_PARTS_VERSION = 3;
const READABLE_VERSIONS: readonly unknown[] = [1, HANDOFF_VERSION, HANDOFF_PARTS_VERSION];
/**
 * The most bytes of JSON one part of a table holds (a single record larger than this is a part
 * of its own): far below the 512 MiB an entry may have and the longest string a JavaScript engine
 * makes (about 512 MiB in V8), and small enough that packing one part takes little memory.
 */
export const RECORD_PART_BYTES = 64 * 1024 ** 2;
/**
 * The `town.id` of a county desk's own backup (a county desk has no town); a town's PC has its
 * one town (`town`). The main process pins the first it signs for (electron identityService).
 */
export const COUNTY_DESK_TOWN_ID = 'county';
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

export const LIMITS = {
  maxEntries: 50_000,
  /** All entries together, inflated. */
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxManifestBytes: 16 * 1024 ** 2,
  /**
   * One record (one element of a records file's array), as JSON: the largest the app writes is
   * a few kilobytes. Rows are parsed one at a time, so this and not the entry's size bounds what
   * parsing takes beyond the rows kept.
   */
  maxRecordBytes: 8 * 1024 ** 2,
  /** Inflated over compressed size, for entries above 1 MiB (a zip bomb reaches thousands). */
  maxRatio: 200,
  /**
   * All entries inflated over the package's size, once they pass 16 MiB in all: many entries of
   * 1 MiB each pass the per-entry check. The demo's ten years of records deflate about 6 to 1.
   */
  maxPackageRatio: 100,
};
export type Limits = typeof LIMITS;

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));

const manifestSchema = z.object({
  format: z.literal(HANDOFF_FORMAT),
  formatVersion: z.number().int(),
  appVersion: z.string().max(40),
  town: z.object({ id: z.string().max(100), name: z.string().max(100) }),
  period: z.object({ from: z.string().max(10), to: z.string().max(10) }),
  createdAt: z.string().max(40),
  /** Ed25519 public key of the installation that made the package (hex). */
  publicKey: hex(64),
  /** By table name, letters and digits only (as the writer allows). */
  counts: z.record(
    z
      .string()
      .regex(/^[A-Za-z0-9]+$/)
      .max(60),
    z.number().int().nonnegative(),
  ),
  /**
   * Where the making PC's history stood (its hash chain's last entry, docs/audit-chain.md):
   * signed with the rest, so the receiver holds a head the town cannot change afterwards.
   * Absent in packages made before it was kept.
   */
  history: z
    .object({ chain: z.string().max(40), seq: z.number().int().positive(), hash: hex(64) })
    .optional(),
  /**
   * Version 3: the records of each table written in several entries, the number in each part
   * in order (`records/<table>.json` first, then `records/<table>.<n>.json` from 2). They add up
   * to `counts[table]`. A table not named here is one entry.
   */
  parts: z
    .record(
      z
        .string()
        .regex(/^[A-Za-z0-9]+$/)
        .max(60),
      z.array(z.number().int().nonnegative()).min(2).max(LIMITS.maxEntries),
    )
    .optional(),
  /**
   * A backup (of this PC, with its town, settings and hand-off log), to be restored, never
   * imported. Absent in packages and in version 1.
   */
  backup: z.literal(true).optional(),
  /**
   * A county's inspection feedback list for the town named in `town` (督查反馈清单): the
   * package holds the sheet as `feedback/<name>.xlsx`, to be imported into the town's ledger,
   * never into its data. Absent in every other package.
   */
  feedback: z
    .object({
      county: z.string().max(100),
      batch: z.string().max(100),
      items: z.number().int().nonnegative(),
      sheet: z.string().max(200),
    })
    .optional(),
  entries: z
    .array(
      z.object({
        name: z.string().max(200),
        size: z.number().int().nonnegative(),
        sha256: hex(64),
      }),
    )
    .max(LIMITS.maxEntries),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** 16 groups of 4 hex digits of SHA-256(public key): what the receipt prints and 设置 shows. */
export function fingerprint(publicKey: Uint8Array): string {
  return bytesToHex(sha256(publicKey)).slice(0, 32).toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
}

export function newKeyPair(): { secretKey: Uint8Array; publicKey: Uint8Array } {
  const secretKey = ed25519.utils.randomSecretKey();
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export interface PackageContents {
  appVersion: string;
  town: { id: string; name: string };
  period: { from: string; to: string };
  createdAt: string;
  /** Records per table, written as `records/<table>.json`. */
  tables: Record<string, readonly unknown[]>;
  /** Other entries (attachments, readable copies) by name inside the package. */
  files: Record<string, Uint8Array>;
  /** The signing installation's public key. */
  publicKey: Uint8Array;
  /** The head of the making PC's history (see the manifest's `history`). */
  history?: { chain: string; seq: number; hash: string } | undefined;
  /** A backup of the making PC (see the manifest's `backup`). */
  backup?: boolean | undefined;
  /** A county's feedback list (see the manifest's `feedback`). */
  feedback?: Manifest['feedback'];
}

/** What the manifest says besides its entries and counts. */
export type PackageMeta = Omit<PackageContents, 'tables' | 'files'>;

/** One entry deflated and described, ready for the zip. */
export interface PackedEntry {
  name: string;
  size: number;
  sha256: string;
  crc: number;
  /** 8: deflated; 0: stored as it is (a photo or a Word file is compressed already). */
  method: 0 | 8;
  compressed: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
/** A fixed time: the package's bytes depend only on its contents. */
const MTIME = new Date('2020-01-01T00:00:00Z');

/** The entry of a table's records, or of its `part`th part (from 2) when it has several. */
export const recordsEntry = (table: string, part = 1) =>
  part === 1 ? `records/${table}.json` : `records/${table}.${part}.json`;

/**
 * A table's records as JSON in parts of at most `maxBytes` each (a record larger than that is
 * a part alone), serialised one record at a time into bytes: never the table as one string,
 * which for a county's records passes the longest string the engine can make. One part holds
 * exactly `JSON.stringify(rows)`'s bytes. Each part is made when asked for, its bytes its own
 * (to be moved to a worker).
 */
export function* recordParts(
  rows: readonly unknown[],
  maxBytes = RECORD_PART_BYTES,
): Generator<{ part: number; count: number; bytes: Uint8Array<ArrayBuffer> }> {
  let part = 1;
  let buffer = new Uint8Array(Math.min(maxBytes, 1024 ** 2) + 2);
  let length = 0;
  let count = 0;
  const room = (bytes: number) => {
    if (length + bytes <= buffer.length) return;
    const grown = new Uint8Array(Math.max(length + bytes, buffer.length * 2));
    grown.set(buffer.subarray(0, length));
    buffer = grown;
  };
  const finish = () => {
    room(1);
    buffer[length++] = 0x5d;
    const bytes = buffer.slice(0, length);
    buffer = new Uint8Array(Math.min(maxBytes, 1024 ** 2) + 2);
    return { part: part++, count, bytes };
  };
  buffer[length++] = 0x5b;
  for (const row of rows) {
    // As JSON.stringify writes an array's element (undefined and functions as null).
    const text = JSON.stringify(row) ?? 'null';
    const before = length;
    room(text.length * 3 + 2);
    if (count > 0) buffer[length++] = 0x2c;
    length += encoder.encodeInto(text, buffer.subarray(length)).written;
    if (count > 0 && length + 1 > maxBytes) {
      // Past the part's size: the part ends before this record, which begins the next.
      length = before;
      yield finish();
      count = 0;
      length = 0;
      buffer[length++] = 0x5b;
      room(text.length * 3 + 2);
      length += encoder.encodeInto(text, buffer.subarray(length)).written;
    }
    count += 1;
  }
  yield finish();
}

/**
 * Hashes and deflates one entry, and inflates it back at once to prove that the zip will hold
 * exactly these bytes. The costly part of writing a package: the app runs it in workers, one
 * entry each, while the page is still reading the next table.
 */
export function packEntry(name: string, data: Uint8Array, level: 1 | 6 = 1): PackedEntry {
  return { ...deflateChecked(name, data, level), sha256: bytesToHex(sha256(data)) };
}

/**
 * The same, hashing with the platform's SHA-256 (Web Crypto, several times faster than the
 * script one, and done while the entry deflates) where there is one.
 */
export async function packEntryAsync(name: string, data: Uint8Array): Promise<PackedEntry> {
  const digest = sha256Hex(data);
  const packed = deflateChecked(name, data, 1);
  return { ...packed, sha256: await digest };
}

/** SHA-256 in hex, with the platform's Web Crypto where there is one. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (!subtle) return bytesToHex(sha256(data));
  return bytesToHex(
    new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)),
  );
}

interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

function deflateChecked(name: string, data: Uint8Array, level: 1 | 6) {
  if (compressedAlready(data)) {
    // Deflating a JPEG gains nothing and, for thousands of photos, cost most of an export.
    const pass = new ZipPassThrough(name);
    pass.ondata = (error) => {
      if (error) throw error;
    };
    pass.push(data, true);
    return {
      name,
      size: data.length,
      crc: pass.crc >>> 0,
      method: 0 as const,
      compressed: data.slice(),
    };
  }
  const { crc, compressed } = deflateEntry(name, data, level);
  if (!sameBytes(inflateSync(compressed, { out: new Uint8Array(data.length) }), data))
    throw new Error(`deflate check failed: ${name}`);
  return { name, size: data.length, crc, method: 8 as const, compressed };
}

/** JPEG, PNG, GIF and zip-based files (.docx, .xlsx): their bytes do not deflate. */
function compressedAlready(data: Uint8Array): boolean {
  const [a, b, c, d] = data;
  return (
    (a === 0xff && b === 0xd8 && c === 0xff) ||
    (a === 0x89 && b === 0x50 && c === 0x4e && d === 0x47) ||
    (a === 0x47 && b === 0x49 && c === 0x46) ||
    (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04)
  );
}

/**
 * Writes a package from packed entries: the manifest is prepared (the app signs it in its main
 * process), then the zip is sealed with the signature. Entries are written in name order, so the
 * same contents give the same bytes whatever order they arrive in.
 */
export class PackageWriter {
  private readonly entries = new Map<string, PackedEntry>();
  /** By table, the number of records in each of its parts (index 0: `records/<table>.json`). */
  private readonly counts = new Map<string, number[]>();
  private prepared: { manifest: Manifest; manifestBytes: Uint8Array } | null = null;

  /** A table's rows, packed here (in parts of at most `partBytes` of JSON). */
  addTable(table: string, rows: readonly unknown[], partBytes = RECORD_PART_BYTES): void {
    for (const { part, count, bytes } of recordParts(rows, partBytes))
      this.addRecords(table, count, packEntry(recordsEntry(table, part), bytes), part);
  }

  /**
   * A table's records (or its `part`th part, `recordParts`), packed elsewhere from their JSON
   * (`recordsEntry(table, part)`).
   */
  addRecords(table: string, count: number, packed: PackedEntry, part = 1): void {
    const parts = this.counts.get(table) ?? [];
    if (
      !/^[A-Za-z0-9]+$/.test(table) ||
      !Number.isInteger(part) ||
      part < 1 ||
      parts[part - 1] !== undefined ||
      packed.name !== recordsEntry(table, part)
    )
      throw new Error(`unusable table name: ${table}`);
    this.add(packed);
    parts[part - 1] = count;
    this.counts.set(table, parts);
  }

  /** An attachment or a readable copy. */
  addFile(packed: PackedEntry): void {
    if (packed.name.startsWith('records/')) throw new Error(`unusable entry name: ${packed.name}`);
    this.add(packed);
  }

  private add(packed: PackedEntry): void {
    const { name } = packed;
    if (this.prepared) throw new Error('the package is already prepared');
    if (!isSafeEntryName(name) || name === MANIFEST || name === SIGNATURE || this.entries.has(name))
      throw new Error(`unusable entry name: ${name}`);
    this.entries.set(name, packed);
  }

  /** The manifest, and the exact bytes to sign and to store as manifest.json. */
  prepare(meta: PackageMeta): { manifest: Manifest; manifestBytes: Uint8Array } {
    const names = [...this.entries.keys()].sort();
    const tables = [...this.counts].sort(([a], [b]) => a.localeCompare(b));
    for (const [table, parts] of tables)
      for (let i = 0; i < parts.length; i += 1)
        if (parts[i] === undefined) throw new Error(`${table} lacks its part ${i + 1}`);
    const parted = tables.filter(([, parts]) => parts.length > 1);
    const manifest: Manifest = {
      format: HANDOFF_FORMAT,
      formatVersion: parted.length > 0 ? HANDOFF_PARTS_VERSION : HANDOFF_VERSION,
      appVersion: meta.appVersion,
      town: meta.town,
      period: meta.period,
      createdAt: meta.createdAt,
      publicKey: bytesToHex(meta.publicKey),
      counts: Object.fromEntries(tables.map(([t, parts]) => [t, parts.reduce((a, b) => a + b)])),
      ...(parted.length > 0 ? { parts: Object.fromEntries(parted) } : {}),
      ...(meta.history ? { history: meta.history } : {}),
      ...(meta.backup ? { backup: true as const } : {}),
      ...(meta.feedback ? { feedback: meta.feedback } : {}),
      entries: names.map((name) => {
        const e = this.entries.get(name)!;
        return { name, size: e.size, sha256: e.sha256 };
      }),
    };
    this.prepared = { manifest, manifestBytes: encoder.encode(JSON.stringify(manifest, null, 2)) };
    return this.prepared;
  }

  /**
   * The zip, with the signature (hex) over the prepared manifest. Read back before it is given
   * out: the importer's checks of names, sizes and ratios, every entry where and as it was
   * packed, and the signature.
   */
  seal(signatureHex: string): Uint8Array {
    if (!this.prepared) throw new Error('prepare the manifest first');
    const { manifest, manifestBytes } = this.prepared;
    const ordered: PackedEntry[] = [
      packEntry(MANIFEST, manifestBytes, 6),
      packEntry(SIGNATURE, encoder.encode(signatureHex), 6),
      ...[...this.entries.keys()].sort().map((name) => this.entries.get(name)!),
    ];
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      parts.push(chunk);
    });
    for (const e of ordered) {
      const file: ZipInputFile = {
        filename: e.name,
        size: e.size,
        crc: e.crc,
        compression: e.method,
        mtime: MTIME,
      };
      zip.add(file);
      file.ondata!(null, e.compressed, true);
    }
    zip.end();
    const data = concat(parts);

    const byName = checkIndex(data, LIMITS);
    if (!verifySignature(signatureHex, manifestBytes, manifest.publicKey))
      throw new Error('the signature does not match the manifest');
    if (byName.size !== ordered.length) throw new Error('the zip does not hold every entry');
    for (const e of ordered) {
      const z = byName.get(e.name);
      if (
        !z ||
        z.method !== e.method ||
        z.size !== e.size ||
        z.crc32 !== e.crc ||
        !sameBytes(data.subarray(z.dataOffset, z.dataOffset + z.compressedSize), e.compressed)
      )
        throw new Error(`the zip does not hold “${e.name}” as packed`);
    }
    return data;
  }
}

function deflateEntry(name: string, data: Uint8Array, level: 1 | 6) {
  const chunks: Uint8Array[] = [];
  const deflate = new ZipDeflate(name, { level });
  deflate.ondata = (error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  };
  deflate.push(data, true);
  // fflate keeps the CRC as a signed 32-bit number; the zip index reads it unsigned.
  return { crc: deflate.crc >>> 0, compressed: concat(chunks) };
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function verifySignature(signatureHex: string, manifestBytes: Uint8Array, publicKeyHex: string) {
  try {
    return (
      /^[0-9a-f]{128}$/.test(signatureHex) &&
      ed25519.verify(hexToBytes(signatureHex), manifestBytes, hexToBytes(publicKeyHex))
    );
  } catch {
    return false;
  }
}

/** Signs manifest bytes with a secret key (the main process, the CLI's tests). */
export const signManifest = (manifestBytes: Uint8Array, secretKey: Uint8Array): string =>
  bytesToHex(ed25519.sign(manifestBytes, secretKey));

/**
 * Checks that bytes are a manifest this key may sign, by the verifier's own reading of a
 * manifest (`parseManifest`): the main process and the web version sign nothing else. Gives the
 * manifest, or the verifier's sentence for what is wrong.
 */
export function signableManifest(
  bytes: Uint8Array,
  publicKeyHex: string,
): { ok: true; manifest: Manifest } | { ok: false; problem: string } {
  try {
    const manifest = parseManifest(bytes);
    if (manifest.publicKey !== publicKeyHex)
      return { ok: false, problem: '清单里的公钥不是本机的签名密钥。' };
    return { ok: true, manifest };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    throw error;
  }
}

/** Write, sign and seal in one step, for callers that hold the secret key (tests, fixtures). */
export function createPackage(
  input: Omit<PackageContents, 'publicKey'> & {
    secretKey: Uint8Array;
    /** The most JSON of one part of a table (tests make it small). */
    partBytes?: number;
  },
): Uint8Array {
  const writer = new PackageWriter();
  for (const [table, rows] of Object.entries(input.tables))
    writer.addTable(table, rows, input.partBytes);
  for (const [name, data] of Object.entries(input.files)) writer.addFile(packEntry(name, data));
  const { manifestBytes } = writer.prepare({
    ...input,
    publicKey: ed25519.getPublicKey(input.secretKey),
  });
  return writer.seal(signManifest(manifestBytes, input.secretKey));
}

export type VerifyResult =
  | {
      ok: true;
      manifest: Manifest;
      fingerprint: string;
      /** An entry's bytes (checked against the manifest). */
      entry: (name: string) => Uint8Array;
      /** The records of every table. */
      tables: Record<string, unknown[]>;
    }
  | { ok: false; problem: string };

class Refused extends Error {}

const STEP = 64 * 1024;

/**
 * Streams one entry out of the zip, 64 KiB of it at a time, each inflated piece to `sink`;
 * inflating stops as soon as it passes `limit` (a lying header cannot make us produce more than
 * the manifest says). Returns the inflated size. Nothing of the entry is kept here.
 */
function streamEntry(
  source: ByteSource,
  e: ZipEntry,
  limit: number,
  sink: (piece: Uint8Array) => void,
): number {
  const name = shown(e.name);
  let total = 0;
  if (e.method === 0) {
    if (e.compressedSize > limit) throw new Refused(`“${name}”比清单里写的大。`);
    for (let at = 0; at < e.compressedSize; at += STEP) {
      const piece = source.read(e.dataOffset + at, Math.min(STEP, e.compressedSize - at));
      total += piece.length;
      sink(piece);
    }
    return total;
  }
  if (e.method !== 8) throw new Refused(`“${name}”用了不支持的压缩方式。`);
  const inflate = new Inflate((piece) => {
    total += piece.length;
    if (total > limit) throw new Refused(`“${name}”解压后比清单里写的大（可能是压缩炸弹）。`);
    sink(piece);
  });
  try {
    if (e.compressedSize === 0) inflate.push(new Uint8Array(0), true);
    for (let at = 0; at < e.compressedSize; at += STEP) {
      const length = Math.min(STEP, e.compressedSize - at);
      inflate.push(source.read(e.dataOffset + at, length), at + length >= e.compressedSize);
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`“${name}”已损坏，无法解压。`);
  }
  return total;
}

/** One entry's bytes, at most `limit` of them (held: for the manifest, records, `entry()`). */
function collectEntry(source: ByteSource, e: ZipEntry, limit: number): Uint8Array {
  const out = new Uint8Array(Math.min(limit, e.size));
  let at = 0;
  const total = streamEntry(source, e, limit, (piece) => {
    if (at + piece.length > out.length) throw new Refused(`“${shown(e.name)}”的大小与清单不符。`);
    out.set(piece, at);
    at += piece.length;
  });
  return total === out.length ? out : out.subarray(0, total);
}

/**
 * The entry's size and SHA-256 checked against the manifest, streaming; each piece also given to
 * `read` (a records file's rows are read as it is hashed).
 */
function checkEntry(
  source: ByteSource,
  e: ZipEntry,
  item: Manifest['entries'][number],
  read?: (piece: Uint8Array) => void,
): void {
  const name = shown(item.name);
  const hash = sha256.create();
  const size = streamEntry(source, e, item.size, (piece) => {
    read?.(piece);
    hash.update(piece);
  });
  if (size !== item.size) throw new Refused(`“${name}”的大小与清单不符。`);
  if (bytesToHex(hash.digest()) !== item.sha256)
    throw new Refused(`“${name}”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。`);
}

const RECORDS_PROBLEMS: Record<
  Exclude<RowsRead, { ok: true }>['problem'],
  /** `whose`: `“problems”`, or `“countyRecords”第 2 段` for a part. */
  (whose: string, limits: Limits) => string
> = {
  notArray: (whose) => `${whose}的记录不是一个 JSON 数组。`,
  syntax: (whose) => `${whose}的记录无法解析。`,
  tooManyRows: (whose) => `${whose}的记录条数与清单不符。`,
  rowTooLarge: (whose, { maxRecordBytes: most }) =>
    `${whose}里有一条记录超过 ${most % 1024 ** 2 === 0 ? `${most / 1024 ** 2} MiB` : `${most} 字节`}（可能是恶意构造的包）。`,
};

const ZIP_PROBLEMS: Record<string, (entry: string) => string> = {
  'not a zip': () => '这不是数据交换包（不是 zip 文件）。',
  truncated: () => '文件不完整（可能复制时中断了），请重新导出或重新复制。',
  zip64: () => '这个 zip 文件的格式不受支持（zip64）。',
  encrypted: () => '这个 zip 文件加了密码，无法读取。',
  'name encoding': () => '包里有文件名无法识别（不是 UTF-8）。',
  'local header': (entry) =>
    `包里“${entry}”的文件头与 zip 目录不一致（名字、压缩方式或大小不同），别的解压工具会读出另一个文件。`,
  overlap: (entry) => `包里“${entry}”与别的文件共用数据（可能是压缩炸弹）。`,
};

/** A name or text of a package as it may be shown: its control characters written out. */
const shown = showControlCharacters;

/**
 * Where the first string of a manifest with a control character is (`town.name`,
 * `entries[3].name`, a key of `counts`), or null: such a text could rewrite what a terminal or
 * a page shows about the package.
 */
function controlCharacterAt(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return hasControlCharacter(value) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharacterAt(item, `${at}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (hasControlCharacter(key)) return path;
      const found = controlCharacterAt(item, path);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Checks a package completely before anything is used: zip structure, names, sizes and ratios
 * (before inflating), the manifest, its signature, then every entry's size and SHA-256 (while and
 * after inflating). Returns one Chinese sentence naming the first problem.
 */
export function verifyPackage(data: Uint8Array, limits: Limits = LIMITS): VerifyResult {
  return verifiedPackage(data, checkPackageBytes(data, limits));
}

/**
 * What `verifyPackage` finds, as plain data (the app checks in a worker, which posts it back to
 * the page): the records, and where each entry lies in the zip instead of a reader of them.
 */
export type CheckedPackage =
  | {
      ok: true;
      manifest: Manifest;
      fingerprint: string;
      tables: Record<string, unknown[]>;
      index: ZipEntry[];
    }
  | { ok: false; problem: string };

export function checkPackageBytes(
  data: Uint8Array,
  limits: Limits = LIMITS,
  {
    keepParts = true,
  }: {
    /**
     * Keep the rows of the tables in parts too. A worker does not: a county's 1.6 million
     * records cannot be posted back to the page (Chromium: “Data cannot be cloned, out of
     * memory”), so they are only counted there and `verifiedPackage` reads them from the bytes.
     */
    keepParts?: boolean;
  } = {},
): CheckedPackage {
  return refusing(limits, () => {
    const { manifest, fingerprint, byName, tables } = verify(
      memorySource(data),
      limits,
      keepParts ? 'all' : 'unparted',
    );
    return { ok: true, manifest, fingerprint, tables, index: [...byName.values()] };
  });
}

/**
 * A check's result with its reader of entries, over the bytes that were checked: `data` must be
 * those very bytes, unchanged (a worker gives them back with the result).
 */
export function verifiedPackage(data: Uint8Array, checked: CheckedPackage): VerifyResult {
  if (!checked.ok) return checked;
  const source = memorySource(data);
  const byName = new Map(checked.index.map((e) => [e.name, e]));
  const { manifest, fingerprint } = checked;
  const tables = { ...checked.tables };
  // The tables in parts a worker only counted: their rows read here from the bytes it checked.
  for (const [table, counts] of Object.entries(manifest.parts ?? {})) {
    if (Object.hasOwn(tables, table)) continue;
    const rows: unknown[] = [];
    for (const [i, count] of counts.entries()) {
      const e = byName.get(recordsEntry(table, i + 1));
      if (!e) throw new Error(`no entry ${recordsEntry(table, i + 1)}`);
      const reader = new RowReader({
        keep: true,
        maxRows: count,
        maxRowBytes: LIMITS.maxRecordBytes,
      });
      streamEntry(source, e, e.size, (piece) => reader.push(piece));
      const read = reader.end();
      // Checked already: anything else means the bytes are not those that were checked.
      if (!read.ok || read.count !== count) throw new Error(`${e.name} is not as checked`);
      for (const row of read.rows) rows.push(row);
    }
    tables[table] = rows;
  }
  return {
    ok: true,
    manifest,
    fingerprint,
    // Inflated again when asked for (bytes as checked: `data` is the caller's, not changed).
    entry: (name) => {
      const e = byName.get(name);
      if (!e || name === MANIFEST || name === SIGNATURE) throw new Error(`no entry ${name}`);
      return collectEntry(source, e, e.size);
    },
    tables,
  };
}

/**
 * The same checks, of a zip read piece by piece (the county's command line reads the file from
 * disk): memory stays near one 64 KiB piece, the manifest and one record (at most
 * `maxRecordBytes`), whatever the package's size. Gives the manifest and fingerprint; the
 * records are counted, not kept.
 */
export function verifyPackageSource(
  source: ByteSource,
  limits: Limits = LIMITS,
): { ok: true; manifest: Manifest; fingerprint: string } | { ok: false; problem: string } {
  return refusing(limits, () => {
    const { manifest, fingerprint } = verify(source, limits, 'none');
    return { ok: true, manifest, fingerprint };
  });
}

function refusing<T>(limits: Limits, check: () => T): T | { ok: false; problem: string } {
  try {
    return check();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    if (error instanceof ZipFormatError) {
      const entries = /^entries:(\d+)$/.exec(error.message);
      return {
        ok: false,
        problem: entries
          ? `包里的文件太多（${entries[1]} 个，最多 ${limits.maxEntries} 个）。`
          : (ZIP_PROBLEMS[error.message]?.(shown(error.entry ?? '')) ?? '文件无法读取。'),
      };
    }
    throw error;
  }
}

/** The zip's index judged before anything is inflated: names, links, sizes, ratios, counts. */
function checkIndex(data: Uint8Array | ByteSource, limits: Limits): Map<string, ZipEntry> {
  const entries = readZipIndex(data, limits.maxEntries);
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  for (const e of entries) {
    const name = shown(e.name);
    if (hasControlCharacter(e.name))
      throw new Refused(`包里有文件名含控制字符或双向文字控制符：“${name}”。`);
    if (!isSafeEntryName(e.name)) throw new Refused(`包里有不安全的文件名“${name}”。`);
    if (e.isLink) throw new Refused(`包里有链接文件“${name}”。`);
    if (e.isDirectory) throw new Refused(`包里有文件夹条目“${name}”（数据交换包里只有文件）。`);
    if (byName.has(e.name)) throw new Refused(`包里有重名的文件“${name}”。`);
    if (e.size > limits.maxEntryBytes) throw new Refused(`“${name}”太大。`);
    if (e.size > 1024 * 1024 && e.size > e.compressedSize * limits.maxRatio)
      throw new Refused(`“${name}”的压缩比异常（可能是压缩炸弹）。`);
    declared += e.size;
    if (declared > limits.maxTotalBytes) throw new Refused('包解压后太大。');
    byName.set(e.name, e);
  }
  if (declared > 16 * 1024 ** 2 && declared > data.length * limits.maxPackageRatio)
    throw new Refused(
      `包解压后的总大小是包本身的 ${Math.round(declared / data.length)} 倍（最多 ${limits.maxPackageRatio} 倍），可能是压缩炸弹。`,
    );
  return byName;
}

/**
 * manifest.json's bytes read as a reader must (docs/handoff-format.md): UTF-8 JSON of this
 * format and a version this program reads, matching the schema, no control character in any of
 * its strings. Refused with the sentence that names the first problem.
 */
function parseManifest(bytes: Uint8Array): Manifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Refused('清单文件（manifest.json）无法解析。');
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  const version = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
  if (format !== HANDOFF_FORMAT) throw new Refused('这不是乡镇生态环境工作台的数据交换包。');
  if (!READABLE_VERSIONS.includes(version))
    throw new Refused(
      `数据交换包的格式版本 ${String(version)} 不受支持（本程序读第 ${READABLE_VERSIONS.join('、')} 版）。`,
    );
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) throw new Refused('清单文件（manifest.json）的内容不完整或有误。');
  const manifest = checked.data;
  const controlled = controlCharacterAt(manifest);
  if (controlled !== null)
    throw new Refused(
      `清单文件（manifest.json）的“${shown(controlled)}”含控制字符或双向文字控制符。`,
    );
  return manifest;
}

/**
 * The records files a manifest lists, by table: how many records each part holds (one part,
 * `records/<table>.json`, unless `parts` says more). Refused: `parts` in a version before 3, a
 * part of a table not counted, parts that do not add up to the table's count, and a listed
 * entry under `records/` that is no counted table's file (or a part past its last).
 */
function recordFiles(
  manifest: Manifest,
  listed: ReadonlyMap<string, unknown>,
): Map<string, number[]> {
  const parts = manifest.parts ?? {};
  if (manifest.parts && manifest.formatVersion < HANDOFF_PARTS_VERSION)
    throw new Refused(
      `清单里有分段的记录（parts），这是第 ${HANDOFF_PARTS_VERSION} 版的格式，却标成了第 ${manifest.formatVersion} 版。`,
    );
  const files = new Map<string, number[]>();
  for (const [table, count] of Object.entries(manifest.counts)) {
    const counts = Object.hasOwn(parts, table) ? parts[table]! : [count];
    if (counts.reduce((a, b) => a + b, 0) !== count)
      throw new Refused(`“${table}”各段的记录条数加起来与清单里的总数（${count}）不符。`);
    files.set(table, counts);
  }
  for (const table of Object.keys(parts))
    if (!Object.hasOwn(manifest.counts, table))
      throw new Refused(`清单里分段的“${shown(table)}”不是包里计数的表。`);
  const known = new Set<string>();
  for (const [table, counts] of files)
    for (let part = 1; part <= counts.length; part += 1) known.add(recordsEntry(table, part));
  for (const name of listed.keys())
    if (name.startsWith('records/') && !known.has(name))
      throw new Refused(`清单里的“${shown(name)}”不是哪一张表的记录文件（或分段）。`);
  return files;
}

/**
 * Every check, in the order docs/handoff-format.md gives: first the index, the manifest and its
 * signature, then each entry's size and SHA-256 streamed, a records file's rows read one at a
 * time as it streams (kept as `keep` says, else counted), then what is wrong with the rows.
 */
function verify(source: ByteSource, limits: Limits, keep: 'all' | 'unparted' | 'none') {
  const byName = checkIndex(source, limits);
  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) throw new Refused('包里没有清单文件（manifest.json）。');
  const manifestBytes = collectEntry(source, manifestEntry, limits.maxManifestBytes);
  const manifest = parseManifest(manifestBytes);

  const signatureEntry = byName.get(SIGNATURE);
  if (!signatureEntry) throw new Refused('包没有签名（manifest.sig），无法确认来源。');
  const signatureText = new TextDecoder().decode(collectEntry(source, signatureEntry, 256)).trim();
  const publicKey = hexToBytes(manifest.publicKey);
  const signed = verifySignature(signatureText, manifestBytes, manifest.publicKey);
  if (!signed) throw new Refused('签名不符：清单在签名后被改动过，或签名不是这个包的。');

  // The manifest and the zip's directory agree on every name and size before anything else is
  // inflated, so the limits judged on the directory hold for what the manifest lets through.
  const listed = new Map<string, Manifest['entries'][number]>();
  for (const item of manifest.entries) {
    const name = shown(item.name);
    if (!isSafeEntryName(item.name)) throw new Refused(`清单里有不安全的文件名“${name}”。`);
    if (item.name === MANIFEST || item.name === SIGNATURE)
      throw new Refused(`清单里不应列出“${name}”。`);
    if (listed.has(item.name)) throw new Refused(`清单里有重名的文件“${name}”。`);
    listed.set(item.name, item);
  }
  for (const name of byName.keys()) {
    if (name === MANIFEST || name === SIGNATURE) continue;
    if (!listed.has(name)) throw new Refused(`包里有清单上没有的文件“${shown(name)}”。`);
  }
  for (const item of manifest.entries) {
    const e = byName.get(item.name);
    if (!e) throw new Refused(`清单上的文件“${shown(item.name)}”不在包里。`);
    if (e.size !== item.size) throw new Refused(`“${shown(item.name)}”的大小与清单不符。`);
  }
  // Each records file's rows are read as it is hashed, one row at a time (kept with
  // as `keep` says, else only counted); what is wrong with them is told once every entry's hash
  // has checked out (a damaged file is told as damaged, not as unreadable records).
  const partsOf = recordFiles(manifest, listed);
  const keeps = (table: string) =>
    keep === 'all' || (keep === 'unparted' && partsOf.get(table)!.length === 1);
  const tableOf = new Map<string, { table: string; part: number }>();
  for (const [table, counts] of partsOf)
    for (let part = 1; part <= counts.length; part += 1)
      tableOf.set(recordsEntry(table, part), { table, part });
  const read = new Map<string, RowsRead>();
  for (const item of manifest.entries) {
    const of = tableOf.get(item.name);
    const rows = of
      ? new RowReader({
          keep: keeps(of.table),
          maxRows: partsOf.get(of.table)![of.part - 1]!,
          maxRowBytes: limits.maxRecordBytes,
        })
      : null;
    checkEntry(
      source,
      byName.get(item.name)!,
      item,
      rows ? (piece) => rows.push(piece) : undefined,
    );
    if (rows) read.set(item.name, rows.end());
  }
  const tables: Record<string, unknown[]> = {};
  for (const [table, counts] of partsOf) {
    const kept: unknown[] = [];
    for (const [i, count] of counts.entries()) {
      const part = i + 1;
      const rows = read.get(recordsEntry(table, part));
      const whose = counts.length > 1 ? `“${table}”第 ${part} 段` : `“${table}”`;
      if (!rows)
        throw new Refused(
          counts.length > 1
            ? `包里缺少“${table}”第 ${part} 段的记录（${recordsEntry(table, part)}）。`
            : `包里缺少“${table}”的记录。`,
        );
      if (!rows.ok) throw new Refused(RECORDS_PROBLEMS[rows.problem](whose, limits));
      if (rows.count !== count) throw new Refused(`${whose}的记录条数与清单不符。`);
      if (keeps(table)) for (const row of rows.rows) kept.push(row);
    }
    if (keeps(table)) tables[table] = kept;
  }
  return { manifest, fingerprint: fingerprint(publicKey), byName, tables };
}

import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Inflate, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { isSafeEntryName, readZipIndex, ZipFormatError, type ZipEntry } from './zipIndex';

/**
 * The hand-off package (数据交换包): a zip with `manifest.json`, a detached Ed25519 signature over
 * it (`manifest.sig`), the records as JSON per table (`records/<table>.json`), attachments and
 * readable copies. Documented for the county's own tools in docs/handoff-format.md.
 */
export const HANDOFF_FORMAT = 'eco-desk-handoff';
export const HANDOFF_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';

export const LIMITS = {
  maxEntries: 50_000,
  /** All entries together, inflated. */
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 512 * 1024 ** 2,
  maxManifestBytes: 16 * 1024 ** 2,
  /** Inflated over compressed size, for entries above 1 MiB (a zip bomb reaches thousands). */
  maxRatio: 200,
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
  counts: z.record(z.string().max(60), z.number().int().nonnegative()),
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
}

export interface PreparedPackage {
  manifest: Manifest;
  /** The exact bytes to sign and to store as manifest.json. */
  manifestBytes: Uint8Array;
  contents: Record<string, Uint8Array>;
}

const encoder = new TextEncoder();

/** The manifest and entries of a package, before signing (the app signs in its main process). */
export function preparePackage(input: PackageContents): PreparedPackage {
  const contents: Record<string, Uint8Array> = {};
  for (const [table, rows] of Object.entries(input.tables))
    contents[`records/${table}.json`] = encoder.encode(JSON.stringify(rows));
  for (const [name, data] of Object.entries(input.files)) {
    if (!isSafeEntryName(name) || name === MANIFEST || name === SIGNATURE || name in contents)
      throw new Error(`unusable entry name: ${name}`);
    contents[name] = data;
  }
  const manifest: Manifest = {
    format: HANDOFF_FORMAT,
    formatVersion: HANDOFF_VERSION,
    appVersion: input.appVersion,
    town: input.town,
    period: input.period,
    createdAt: input.createdAt,
    publicKey: bytesToHex(input.publicKey),
    counts: Object.fromEntries(Object.entries(input.tables).map(([t, rows]) => [t, rows.length])),
    entries: Object.entries(contents).map(([name, data]) => ({
      name,
      size: data.length,
      sha256: bytesToHex(sha256(data)),
    })),
  };
  return { manifest, manifestBytes: encoder.encode(JSON.stringify(manifest, null, 2)), contents };
}

/** The zip of a prepared package with its signature (hex); the same input gives the same bytes. */
export function assemblePackage(prepared: PreparedPackage, signatureHex: string): Uint8Array {
  const zippable: Zippable = {
    [MANIFEST]: prepared.manifestBytes,
    [SIGNATURE]: encoder.encode(signatureHex),
    ...prepared.contents,
  };
  // A fixed time: the package's bytes depend only on its contents.
  return zipSync(zippable, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

/** Signs manifest bytes with a secret key (the main process, the CLI's tests). */
export const signManifest = (manifestBytes: Uint8Array, secretKey: Uint8Array): string =>
  bytesToHex(ed25519.sign(manifestBytes, secretKey));

/**
 * Checks that bytes are a manifest this key may sign: the main process signs nothing else.
 * Returns the parsed manifest or null.
 */
export function signableManifest(bytes: Uint8Array, publicKeyHex: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    return parsed.success && parsed.data.publicKey === publicKeyHex ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Prepare, sign and assemble in one step, for callers that hold the secret key. */
export function createPackage(
  input: Omit<PackageContents, 'publicKey'> & { secretKey: Uint8Array },
): Uint8Array {
  const prepared = preparePackage({ ...input, publicKey: ed25519.getPublicKey(input.secretKey) });
  return assemblePackage(prepared, signManifest(prepared.manifestBytes, input.secretKey));
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

function inflateBounded(data: Uint8Array, e: ZipEntry, limit: number): Uint8Array {
  const raw = data.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) {
    if (raw.length > limit) throw new Refused(`“${e.name}”比清单里写的大。`);
    return raw.slice();
  }
  if (e.method !== 8) throw new Refused(`“${e.name}”用了不支持的压缩方式。`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    // Checked while inflating: a lying header cannot make us write more than the manifest says.
    if (total > limit) throw new Refused(`“${e.name}”解压后比清单里写的大（可能是压缩炸弹）。`);
    chunks.push(chunk);
  });
  const step = 64 * 1024;
  try {
    for (let at = 0; at < raw.length; at += step)
      inflate.push(raw.subarray(at, at + step), at + step >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(`“${e.name}”已损坏，无法解压。`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const ZIP_PROBLEMS: Record<string, string> = {
  'not a zip': '这不是数据交换包（不是 zip 文件）。',
  truncated: '文件不完整（可能复制时中断了），请重新导出或重新复制。',
  zip64: '这个 zip 文件的格式不受支持（zip64）。',
  encrypted: '这个 zip 文件加了密码，无法读取。',
  'name encoding': '包里有文件名无法识别（不是 UTF-8）。',
};

/**
 * Checks a package completely before anything is used: zip structure, names, sizes and ratios
 * (before inflating), the manifest, its signature, then every entry's size and SHA-256 (while and
 * after inflating). Returns one Chinese sentence naming the first problem.
 */
export function verifyPackage(data: Uint8Array, limits: Limits = LIMITS): VerifyResult {
  try {
    return verify(data, limits);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    if (error instanceof ZipFormatError) {
      const entries = /^entries:(\d+)$/.exec(error.message);
      return {
        ok: false,
        problem: entries
          ? `包里的文件太多（${entries[1]} 个，最多 ${limits.maxEntries} 个）。`
          : (ZIP_PROBLEMS[error.message] ?? '文件无法读取。'),
      };
    }
    throw error;
  }
}

function verify(data: Uint8Array, limits: Limits): VerifyResult {
  const entries = readZipIndex(data, limits.maxEntries);
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  for (const e of entries) {
    if (!isSafeEntryName(e.name)) throw new Refused(`包里有不安全的文件名“${e.name}”。`);
    if (e.isLink) throw new Refused(`包里有链接文件“${e.name}”。`);
    if (byName.has(e.name)) throw new Refused(`包里有重名的文件“${e.name}”。`);
    if (e.size > limits.maxEntryBytes) throw new Refused(`“${e.name}”太大。`);
    if (e.size > 1024 * 1024 && e.size > e.compressedSize * limits.maxRatio)
      throw new Refused(`“${e.name}”的压缩比异常（可能是压缩炸弹）。`);
    declared += e.size;
    if (declared > limits.maxTotalBytes) throw new Refused('包解压后太大。');
    byName.set(e.name, e);
  }
  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) throw new Refused('包里没有清单文件（manifest.json）。');
  const manifestBytes = inflateBounded(data, manifestEntry, limits.maxManifestBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw new Refused('清单文件（manifest.json）无法解析。');
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  const version = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
  if (format !== HANDOFF_FORMAT) throw new Refused('这不是乡镇生态环境工作台的数据交换包。');
  if (version !== HANDOFF_VERSION)
    throw new Refused(
      `数据交换包的格式版本 ${String(version)} 不受支持（本程序读第 ${HANDOFF_VERSION} 版）。`,
    );
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) throw new Refused('清单文件（manifest.json）的内容不完整或有误。');
  const manifest = checked.data;

  const signatureEntry = byName.get(SIGNATURE);
  if (!signatureEntry) throw new Refused('包没有签名（manifest.sig），无法确认来源。');
  const signatureText = new TextDecoder().decode(inflateBounded(data, signatureEntry, 256)).trim();
  const publicKey = hexToBytes(manifest.publicKey);
  const signed = (() => {
    try {
      return (
        /^[0-9a-f]{128}$/.test(signatureText) &&
        ed25519.verify(hexToBytes(signatureText), manifestBytes, publicKey)
      );
    } catch {
      return false;
    }
  })();
  if (!signed) throw new Refused('签名不符：清单在签名后被改动过，或签名不是这个包的。');

  const listed = new Map(manifest.entries.map((e) => [e.name, e]));
  for (const name of byName.keys()) {
    if (name === MANIFEST || name === SIGNATURE || name.endsWith('/')) continue;
    if (!listed.has(name)) throw new Refused(`包里有清单上没有的文件“${name}”。`);
  }
  let total = 0;
  const contents = new Map<string, Uint8Array>();
  for (const item of manifest.entries) {
    if (!isSafeEntryName(item.name)) throw new Refused(`清单里有不安全的文件名“${item.name}”。`);
    const e = byName.get(item.name);
    if (!e) throw new Refused(`清单上的文件“${item.name}”不在包里。`);
    total += item.size;
    if (item.size > limits.maxEntryBytes || total > limits.maxTotalBytes)
      throw new Refused('包解压后太大。');
    const bytes = inflateBounded(data, e, item.size);
    if (bytes.length !== item.size) throw new Refused(`“${item.name}”的大小与清单不符。`);
    if (bytesToHex(sha256(bytes)) !== item.sha256)
      throw new Refused(`“${item.name}”的内容与清单不符（SHA-256 不同），文件可能已损坏或被改动。`);
    contents.set(item.name, bytes);
  }
  const tables: Record<string, unknown[]> = {};
  for (const [table, count] of Object.entries(manifest.counts)) {
    const bytes = contents.get(`records/${table}.json`);
    if (!bytes) throw new Refused(`包里缺少“${table}”的记录。`);
    let rows: unknown;
    try {
      rows = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new Refused(`“${table}”的记录无法解析。`);
    }
    if (!Array.isArray(rows) || rows.length !== count)
      throw new Refused(`“${table}”的记录条数与清单不符。`);
    tables[table] = rows;
  }
  return {
    ok: true,
    manifest,
    fingerprint: fingerprint(publicKey),
    entry: (name) => {
      const bytes = contents.get(name);
      if (!bytes) throw new Error(`no entry ${name}`);
      return bytes;
    },
    tables,
  };
}

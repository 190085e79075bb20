import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  COUNTY_DESK_TOWN_ID,
  fingerprint,
  HANDOFF_PARTS_VERSION,
  HANDOFF_VERSION,
  LIMITS,
  MANIFEST,
  recordsEntry,
  SIGNATURE,
  signableManifest,
  signManifest,
  type Manifest,
} from '@shared/handoff/package';
import { isSafeEntryName, showControlCharacters } from '@shared/handoff/zipIndex';
import type { HandoffIdentity, SignResult } from '@shared/ipc/api';
import { writeFileAtomic } from './fileService';

/**
 * The operating system's protection for a secret (Electron's safeStorage: DPAPI on Windows, the
 * desktop's keyring on Linux), or none.
 */
export interface KeyProtector {
  /** Whether the OS really protects what is sealed (not on Linux without a keyring). */
  available(): Promise<boolean>;
  seal(plain: string): Promise<Uint8Array>;
  /** `stale`: sealed under an older key of the OS's, to be sealed again. */
  open(sealed: Uint8Array): Promise<{ plain: string; stale: boolean }>;
}

/** The key file: version 1 kept the secret key in hex; version 2 sealed by the OS if it can. */
interface StoredKey {
  version?: 2;
  publicKey: string;
  createdAt: string;
  /** In hex, unprotected (version 1; version 2 where the OS protects nothing, or portable). */
  secretKey?: string;
  /** Sealed by the OS (base64): readable only by this user on this PC. */
  sealedSecretKey?: string;
}

/** How far the clock of a manifest's createdAt may be from the main process's, either way. */
const CREATED_WITHIN_MS = 60 * 60 * 1000;

/**
 * This installation's Ed25519 key pair for hand-off packages. Made on first use and kept in the
 * data folder (`keys/handoff-ed25519.json`, owner-only), its secret key sealed by the operating
 * system where it protects one (Windows, a Linux desktop with a keyring) — except in portable
 * mode, where the key has to travel with the stick to another PC, so it stays unsealed and the
 * log (and the About box) say so. The private key never leaves the main process: the renderer
 * gets the public key and fingerprint, and signatures over manifests it has checked.
 */
export function createIdentityService(options: {
  dataFolder: string;
  now?: () => Date;
  /** The OS's protection; none when absent (tests, a browser-like run). */
  protector?: KeyProtector;
  portable?: boolean;
  log?: (message: string) => void;
}) {
  const file = path.join(options.dataFolder, 'keys', 'handoff-ed25519.json');
  const pinFile = path.join(options.dataFolder, 'keys', 'handoff-town.json');
  const log = options.log ?? (() => undefined);
  const now = () => options.now?.() ?? new Date();
  let loaded: Promise<{ secretKey: Uint8Array; publicKey: Uint8Array }> | null = null;

  /** The protector to seal with: none in portable mode, or where the OS protects nothing. */
  async function sealer(): Promise<KeyProtector | null> {
    if (options.portable) return null;
    return options.protector && (await options.protector.available()) ? options.protector : null;
  }

  async function store(secretKey: Uint8Array, publicKey: Uint8Array, createdAt: string) {
    const protector = await sealer();
    const stored: StoredKey = { version: 2, publicKey: bytesToHex(publicKey), createdAt };
    if (protector) {
      const sealed = await protector.seal(bytesToHex(secretKey));
      // Stored only once it opens again to the same key.
      if ((await protector.open(sealed)).plain !== bytesToHex(secretKey))
        throw new Error('the sealed key does not open to itself');
      stored.sealedSecretKey = Buffer.from(sealed).toString('base64');
    } else {
      stored.secretKey = bytesToHex(secretKey);
      log(
        options.portable
          ? 'portable mode: the hand-off signing key is kept unsealed in data/keys, so it travels with the stick; whoever copies the stick can sign as this town'
          : 'the operating system offers no protection here: the hand-off signing key is kept unsealed (owner-only file)',
      );
    }
    return stored;
  }

  async function write(stored: StoredKey, replace: boolean) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const bytes = new TextEncoder().encode(JSON.stringify(stored, null, 2));
    await writeFileAtomic(file, bytes, { mode: 0o600, replace });
  }

  async function load() {
    let stored: StoredKey | null = null;
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (!stored) {
      // First use: make the pair and keep it (an unreadable file above is an error, never replaced).
      const secretKey = ed25519.utils.randomSecretKey();
      const publicKey = ed25519.getPublicKey(secretKey);
      await write(await store(secretKey, publicKey, now().toISOString()), false);
      return { secretKey, publicKey };
    }
    let secretHex: string;
    let reseal: boolean;
    if (typeof stored.sealedSecretKey === 'string') {
      if (!options.protector)
        throw new Error('the signing key is sealed by the OS, and no protection is available');
      const opened = await options.protector.open(Buffer.from(stored.sealedSecretKey, 'base64'));
      secretHex = opened.plain;
      reseal = opened.stale;
    } else if (typeof stored.secretKey === 'string') {
      secretHex = stored.secretKey;
      // A key kept unsealed (version 1, or before the OS offered protection) is sealed now.
      reseal = (await sealer()) !== null;
    } else throw new Error('key file holds no key');
    const secretKey = hexToBytes(secretHex);
    const publicKey = ed25519.getPublicKey(secretKey);
    if (bytesToHex(publicKey) !== stored.publicKey) throw new Error('key file does not match');
    if (reseal) {
      await write(await store(secretKey, publicKey, stored.createdAt), true);
      log('the hand-off signing key is now sealed by the operating system');
    }
    return { secretKey, publicKey };
  }
  const keys = () => (loaded ??= load());

  /**
   * Which town this key signs for: pinned at its first signature, in a file of its own beside
   * the key (which is never rewritten for it). The main process knows no town of its own; the
   * first manifest it signed tells it, and a manifest for another is refused from then on.
   */
  async function pinnedTown(publicKey: string, own: string): Promise<string> {
    let stored: Partial<StoredPin> | null = null;
    try {
      stored = JSON.parse(await readFile(pinFile, 'utf8')) as Partial<StoredPin>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (stored && stored.publicKey === publicKey && typeof stored.townId === 'string')
      return stored.townId;
    if (stored && stored.publicKey === publicKey) throw new Error('the pin file holds no town');
    // None yet (a new key, or one made before keys were pinned), or a pin of a key since replaced.
    const pin: StoredPin = { version: 1, publicKey, townId: own, pinnedAt: now().toISOString() };
    await mkdir(path.dirname(pinFile), { recursive: true, mode: 0o700 });
    await writeFileAtomic(pinFile, new TextEncoder().encode(JSON.stringify(pin, null, 2)), {
      mode: 0o600,
      replace: stored !== null,
    });
    log(`the hand-off signing key is pinned to town ${JSON.stringify(own)}`);
    return own;
  }

  function refuse(problem: Problem): SignResult {
    log(`refused to sign a manifest: ${problem.detail}`);
    return { status: 'refused', message: `本机没有签名这个包：${problem.message}` };
  }

  async function sign(bytes: Uint8Array): Promise<SignResult> {
    const { secretKey, publicKey } = await keys();
    const key = bytesToHex(publicKey);
    const checked = signableManifest(bytes, key);
    if (!checked.ok)
      return refuse({ detail: 'not a manifest for this key', message: checked.problem });
    const manifest = checked.manifest;
    const problem = unsignable(manifest, now());
    if (problem) return refuse(problem);
    const own = signsFor(manifest);
    const town = await pinnedTown(key, own);
    if (town !== own)
      return refuse({
        detail: `the key is pinned to town ${JSON.stringify(town)}, the manifest is for ${JSON.stringify(own)}`,
        message: `这台电脑的签名密钥第一次签名时是替${whose(town)}签的，只替它签名；这份清单却是${whose(own)}的。请在本机的数据里导出；换了乡镇或改作县级工作台的电脑要另建密钥，并请县里和乡镇重新登记指纹。`,
      });
    return { status: 'signed', signature: signManifest(bytes, secretKey) };
  }
  // One signature at a time: the first two at once must not pin two towns.
  let signing: Promise<unknown> = Promise.resolve();

  return {
    async getIdentity(): Promise<HandoffIdentity> {
      const { publicKey } = await keys();
      return { publicKey: bytesToHex(publicKey), fingerprint: fingerprint(publicKey) };
    },
    /**
     * Signs a hand-off manifest as this app's writer makes them, for the town this key signs
     * for, with this installation's key; anything else is refused, with the reason in Chinese
     * for the page and in the log.
     */
    signManifest(manifest: Uint8Array): Promise<SignResult> {
      const result = signing.then(() => sign(manifest));
      signing = result.catch(() => undefined);
      return result;
    },
  };
}

/** What a refusal says: the detail for the log, the sentence for the user. */
interface Problem {
  detail: string;
  message: string;
}

/** The key's town, as kept in `keys/handoff-town.json`. */
interface StoredPin {
  version: 1;
  /** The key it was pinned with (a pin of a key since replaced pins nothing). */
  publicKey: string;
  townId: string;
  pinnedAt: string;
}

/**
 * The town a manifest is signed for: its `town.id` (the singleton `town` on a town's PC, whose
 * name may change; `county` for a county desk's backup), or, for a county's feedback list —
 * whose `town` is the town it is addressed to — the county desk.
 */
function signsFor(manifest: Manifest): string {
  return manifest.feedback ? COUNTY_DESK_TOWN_ID : manifest.town.id;
}

const whose = (town: string) =>
  town === COUNTY_DESK_TOWN_ID ? '县级工作台' : `乡镇（编号“${showControlCharacters(town)}”）`;

/**
 * Why a manifest is not one this app's own writer (PackageWriter.prepare) makes now, or null:
 * the current format; made within the hour by this PC's clock (no back- or forward-dated
 * package); entries in the writer's order, each once, within the verifier's limits, and each a
 * name the format has: `records/<table>.json` of a counted table (every counted table has one;
 * a table in `parts` each of its parts `records/<table>.<n>.json`, adding up to its count),
 * `attachments/<id>`, `readable/<name>` — or, in a county's feedback list, its one sheet only.
 */
function unsignable(manifest: Manifest, at: Date): Problem | null {
  // The writer's version: 3 exactly when a table is written in parts, 2 otherwise.
  const version = manifest.parts ? HANDOFF_PARTS_VERSION : HANDOFF_VERSION;
  if (manifest.formatVersion !== version)
    return {
      detail: `format version ${manifest.formatVersion}`,
      message: `清单是第 ${manifest.formatVersion} 版的格式，本机只签第 ${version} 版${manifest.parts ? '（记录分段的清单）' : ''}。`,
    };
  const created = Date.parse(manifest.createdAt);
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(manifest.createdAt) ||
    !(Math.abs(created - at.getTime()) <= CREATED_WITHIN_MS)
  )
    return {
      detail: `createdAt ${manifest.createdAt} is not within an hour of ${at.toISOString()}`,
      message: `清单的制作时间（${manifest.createdAt}）与本机时钟（${at.toISOString()}）相差一小时以上。请核对这台电脑的日期和时间，再重新导出。`,
    };
  if (manifest.feedback && manifest.backup)
    return {
      detail: 'both a backup and a feedback list',
      message: '清单同时标成了备份和督查反馈清单。',
    };
  const names = manifest.entries.map((e) => e.name);
  let total = 0;
  for (const [i, entry] of manifest.entries.entries()) {
    const name = showControlCharacters(entry.name);
    if (!allowedName(manifest, entry.name))
      return {
        detail: `entry name ${JSON.stringify(entry.name)}`,
        message: manifest.feedback
          ? `督查反馈清单的包里只有它那一张表（${showControlCharacters(manifest.feedback.sheet)}），不能有“${name}”。`
          : `清单里的“${name}”不是数据交换包里的文件名（只有 records/、attachments/、readable/ 下的文件）。`,
      };
    if (i > 0 && names[i - 1] === entry.name)
      return { detail: 'an entry twice', message: `清单里的文件“${name}”列了两次。` };
    if (i > 0 && !(names[i - 1]! < entry.name))
      return { detail: 'entries not in order', message: '清单里的文件没有按名字排列。' };
    total += entry.size;
    if (entry.size > LIMITS.maxEntryBytes || total > LIMITS.maxTotalBytes)
      return {
        detail: 'entries too large',
        message: `清单里的文件超过了上限（每个 ${LIMITS.maxEntryBytes / 1024 ** 2} MiB，一共 ${LIMITS.maxTotalBytes / 1024 ** 3} GiB）。`,
      };
  }
  const listed = new Set(names);
  for (const [table, count] of Object.entries(manifest.counts)) {
    const parts = manifest.parts?.[table] ?? [count];
    for (let part = 1; part <= parts.length; part += 1)
      if (!listed.has(recordsEntry(table, part)))
        return {
          detail: `table ${JSON.stringify(table)} without its records (part ${part})`,
          message:
            parts.length > 1
              ? `清单记了“${table}”分 ${parts.length} 段，却没有它第 ${part} 段的记录文件。`
              : `清单记了“${table}”的条数，却没有它的记录文件。`,
        };
    if (parts.reduce((a, b) => a + b, 0) !== count)
      return {
        detail: `table ${JSON.stringify(table)}: parts do not add up`,
        message: `清单里“${table}”各段的条数加起来不是它的总数。`,
      };
  }
  for (const table of Object.keys(manifest.parts ?? {}))
    if (!Object.hasOwn(manifest.counts, table))
      return {
        detail: `parts of ${JSON.stringify(table)}, not counted`,
        message: `清单里分段的“${table}”不是包里计数的表。`,
      };
  if (manifest.feedback && !listed.has(manifest.feedback.sheet))
    return {
      detail: 'a feedback list without its sheet',
      message: '督查反馈清单的包里没有它那一张表。',
    };
  return null;
}

/** Whether the format has an entry of this name, in this kind of manifest. */
function allowedName(manifest: Manifest, name: string): boolean {
  if (!isSafeEntryName(name) || name === MANIFEST || name === SIGNATURE) return false;
  if (manifest.feedback)
    return name === manifest.feedback.sheet && /^feedback\/[^/]+\.xlsx$/.test(name);
  const records = /^records\/([A-Za-z0-9]+)(?:\.([1-9][0-9]*))?\.json$/.exec(name);
  if (records) {
    const table = records[1]!;
    if (!Object.hasOwn(manifest.counts, table)) return false;
    if (records[2] === undefined) return true;
    // A part from the second on, of a table the manifest has in parts, not past its last.
    const part = Number(records[2]);
    return part >= 2 && part <= (manifest.parts?.[table]?.length ?? 1);
  }
  return /^(attachments|readable)\/[^/]+$/.test(name);
}

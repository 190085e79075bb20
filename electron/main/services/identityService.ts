import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import {
  fingerprint,
  HANDOFF_VERSION,
  LIMITS,
  MANIFEST,
  recordsEntry,
  SIGNATURE,
  signableManifest,
  signManifest,
  type Manifest,
} from '@shared/handoff/package';
import { isSafeEntryName } from '@shared/handoff/zipIndex';
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

  return {
    async getIdentity(): Promise<HandoffIdentity> {
      const { publicKey } = await keys();
      return { publicKey: bytesToHex(publicKey), fingerprint: fingerprint(publicKey) };
    },
    /**
     * Signs a hand-off manifest as this app's writer makes them, with this installation's key;
     * anything else is refused (and the reason logged).
     */
    async signManifest(manifest: Uint8Array): Promise<SignResult> {
      const { secretKey, publicKey } = await keys();
      const parsed = signableManifest(manifest, bytesToHex(publicKey));
      const problem = parsed ? unsignable(parsed, now()) : 'not a manifest for this key';
      if (problem) {
        log(`refused to sign a manifest: ${problem}`);
        return { status: 'refused' };
      }
      return { status: 'signed', signature: signManifest(manifest, secretKey) };
    },
  };
}

/**
 * Why a manifest is not one this app's own writer (PackageWriter.prepare) makes now, or null:
 * the current format; made within the hour by this PC's clock (no back- or forward-dated
 * package); entries with safe, distinct names in the writer's order, none the manifest or its
 * signature, within the verifier's limits; a records entry for every table counted.
 */
export function unsignable(manifest: Manifest, at: Date): string | null {
  if (manifest.formatVersion !== HANDOFF_VERSION) return `format version ${manifest.formatVersion}`;
  const created = Date.parse(manifest.createdAt);
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(manifest.createdAt) ||
    !(Math.abs(created - at.getTime()) <= CREATED_WITHIN_MS)
  )
    return `createdAt ${manifest.createdAt} is not within an hour of ${at.toISOString()}`;
  const names = manifest.entries.map((e) => e.name);
  let total = 0;
  for (const [i, entry] of manifest.entries.entries()) {
    if (!isSafeEntryName(entry.name) || entry.name === MANIFEST || entry.name === SIGNATURE)
      return `entry name ${JSON.stringify(entry.name)}`;
    if (i > 0 && !(names[i - 1]! < entry.name)) return 'entries not in order, or twice';
    total += entry.size;
    if (entry.size > LIMITS.maxEntryBytes || total > LIMITS.maxTotalBytes)
      return 'entries too large';
  }
  const listed = new Set(names);
  for (const table of Object.keys(manifest.counts))
    if (!/^[A-Za-z0-9]+$/.test(table) || !listed.has(recordsEntry(table)))
      return `table ${JSON.stringify(table)} without its records`;
  return null;
}

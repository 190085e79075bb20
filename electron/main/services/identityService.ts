import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { fingerprint, signableManifest, signManifest } from '@shared/handoff/package';
import type { HandoffIdentity, SignResult } from '@shared/ipc/api';
import { writeFileAtomic } from './fileService';

interface StoredKey {
  secretKey: string;
  publicKey: string;
  createdAt: string;
}

/**
 * This installation's Ed25519 key pair for hand-off packages. Made on first use and kept in the
 * data folder (`keys/handoff-ed25519.json`, owner-only); the private key never leaves the main
 * process: the renderer gets the public key and fingerprint, and signatures over manifests.
 */
export function createIdentityService(options: { dataFolder: string; now?: () => Date }) {
  const file = path.join(options.dataFolder, 'keys', 'handoff-ed25519.json');
  let loaded: Promise<{ secretKey: Uint8Array; publicKey: Uint8Array }> | null = null;

  async function load() {
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
      const secretKey = hexToBytes(stored.secretKey);
      const publicKey = ed25519.getPublicKey(secretKey);
      if (bytesToHex(publicKey) !== stored.publicKey) throw new Error('key file does not match');
      return { secretKey, publicKey };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // First use: make the pair and keep it (an unreadable file above is an error, never replaced).
    const secretKey = ed25519.utils.randomSecretKey();
    const publicKey = ed25519.getPublicKey(secretKey);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const stored: StoredKey = {
      secretKey: bytesToHex(secretKey),
      publicKey: bytesToHex(publicKey),
      createdAt: (options.now?.() ?? new Date()).toISOString(),
    };
    await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(stored, null, 2)), {
      mode: 0o600,
      replace: false,
    });
    return { secretKey, publicKey };
  }
  const keys = () => (loaded ??= load());

  return {
    async getIdentity(): Promise<HandoffIdentity> {
      const { publicKey } = await keys();
      return { publicKey: bytesToHex(publicKey), fingerprint: fingerprint(publicKey) };
    },
    /** Signs a hand-off manifest made with this installation's key; anything else is refused. */
    async signManifest(manifest: Uint8Array): Promise<SignResult> {
      const { secretKey, publicKey } = await keys();
      if (!signableManifest(manifest, bytesToHex(publicKey))) return { status: 'refused' };
      return { status: 'signed', signature: signManifest(manifest, secretKey) };
    },
  };
}

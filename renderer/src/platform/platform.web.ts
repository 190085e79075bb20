import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { formatBytes } from '@shared/domain/attachment';
import { fingerprint, newKeyPair, signableManifest, signManifest } from '@shared/handoff/package';
import {
  backupsToDelete,
  freeBackupName,
  parseBackupName,
  sortBackups,
  type BackupFile,
  type BackupReason,
} from '@shared/handoff/backups';
import type { BackupWriteResult, OpenFileResult } from '@shared/ipc/api';
import { MAX_PICKED_FILES } from '@shared/ipc/schemas';
import type { FileFilter, Platform } from './port';

function acceptOf(filters: FileFilter[] | undefined): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
}

/** Opens the browser's file chooser; resolves with the chosen file or null when cancelled. */
function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.dataset.testid = 'platform-file-input';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

const chooseFile = async (accept: string): Promise<File | null> =>
  (await chooseFiles(accept, false))[0] ?? null;

/** The files of the last pick, by token, until the next pick. */
let picked = new Map<string, File>();

async function readFile(file: File, maxBytes: number): Promise<OpenFileResult> {
  if (file.size > maxBytes)
    return {
      status: 'failed',
      reason: 'tooLarge',
      message: `文件“${file.name}”有 ${formatBytes(file.size)}，超过了 ${formatBytes(maxBytes)} 的上限。`,
    };
  try {
    return { status: 'opened', name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { status: 'failed', reason: 'readError', message: `无法读取“${file.name}”。` };
  }
}

const KEY_STORAGE = 'eco-desk.handoff-key';

/**
 * In a browser there is no main process to keep the signing key: it is kept in this origin's
 * localStorage. Good enough for the browser stand-in (tests, trying the app), not for an office.
 */
function webKeys(): { secretKey: Uint8Array; publicKey: Uint8Array } {
  const stored = localStorage.getItem(KEY_STORAGE);
  const secretKey = stored ? hexToBytes(stored) : newKeyPair().secretKey;
  if (!stored) localStorage.setItem(KEY_STORAGE, bytesToHex(secretKey));
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** The same capabilities with browser APIs, so the very same build runs in any Chromium. */
export function createWebPlatform() {
  return {
    kind: 'web',
    getAppInfo() {
      return Promise.resolve({
        version: __APP_VERSION__,
        dataFolder: '本浏览器的本地存储',
        portable: false,
        platform: navigator.platform,
        electronVersion: '',
      });
    },
    saveFile({ suggestedName, data }) {
      const blob = new Blob([data.slice().buffer], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return Promise.resolve({ status: 'saved' as const, path: suggestedName });
    },
    async openFile({ filters, maxBytes }) {
      const file = await chooseFile(acceptOf(filters));
      return file ? readFile(file, maxBytes) : { status: 'canceled' as const };
    },
    async pickFiles({ filters }) {
      const files = (await chooseFiles(acceptOf(filters), true)).slice(0, MAX_PICKED_FILES);
      if (files.length === 0) return { status: 'canceled' as const };
      picked = new Map(files.map((f) => [crypto.randomUUID(), f]));
      return {
        status: 'picked' as const,
        files: [...picked].map(([token, f]) => ({ token, name: f.name, size: f.size })),
      };
    },
    readPickedFile(token, maxBytes) {
      const file = picked.get(token);
      return file
        ? readFile(file, maxBytes)
        : Promise.resolve({
            status: 'failed' as const,
            reason: 'readError' as const,
            message: '这个文件已不在所选的文件中，请重新选择。',
          });
    },
    savePdf() {
      window.print();
      return Promise.resolve({ status: 'canceled' });
    },
    print() {
      window.print();
      return Promise.resolve();
    },
    printPdf() {
      return Promise.resolve({
        status: 'failed' as const,
        message: '浏览器版不能生成 PDF（桌面版会附上）。',
      });
    },
    getIdentity() {
      const { publicKey } = webKeys();
      return Promise.resolve({
        publicKey: bytesToHex(publicKey),
        fingerprint: fingerprint(publicKey),
      });
    },
    signManifest(manifest) {
      const { secretKey, publicKey } = webKeys();
      const checked = signableManifest(manifest, bytesToHex(publicKey));
      if (!checked.ok)
        return Promise.resolve({
          status: 'refused' as const,
          message: `本机没有签名这个包：${checked.problem}`,
        });
      return Promise.resolve({
        status: 'signed' as const,
        signature: signManifest(manifest, secretKey),
      });
    },
    writeBackup: (reason, data) => webBackups.write(reason, data),
    listBackups: () => webBackups.list(),
    readBackup: (name) => webBackups.read(name),
    // A browser cannot see USB sticks: the export is saved as a download instead.
    listDrives: () => Promise.resolve([]),
    writeToDrive: () =>
      Promise.resolve({
        status: 'failed' as const,
        message: '浏览器里不能直接写U盘，请用“另存为”。',
      }),
  } satisfies Platform;
}

/**
 * Backups in a browser: the origin private file system (files, not IndexedDB), named and rotated
 * like the desktop app's, one write at a time. Chromium only; elsewhere writing a backup fails
 * with a message.
 */
let backupQueue: Promise<unknown> = Promise.resolve();
const webBackups = {
  async folder() {
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle('backups', { create: true });
  },
  async list(): Promise<BackupFile[]> {
    const folder = await webBackups.folder();
    const files: BackupFile[] = [];
    for await (const handle of folder.values()) {
      if (handle.kind !== 'file') continue;
      const parsed = parseBackupName(handle.name, (await handle.getFile()).size);
      if (parsed) files.push(parsed);
    }
    return sortBackups(files);
  },
  write(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult> {
    const next = backupQueue.then(() => webBackups.writeNow(reason, data));
    backupQueue = next.catch(() => undefined);
    return next;
  },
  async writeNow(reason: BackupReason, data: Uint8Array): Promise<BackupWriteResult> {
    const now = new Date();
    try {
      const { quota = 0, usage = 0 } = await navigator.storage.estimate();
      if (quota - usage < data.length * 2)
        return { status: 'failed', message: '浏览器存储空间不足，无法备份。' };
      const folder = await webBackups.folder();
      const taken = new Set<string>();
      for await (const handle of folder.values()) taken.add(handle.name);
      const name = freeBackupName(now, reason, taken);
      const file = await folder.getFileHandle(name, { create: true });
      const writable = await file.createWritable();
      await writable.write(data.slice().buffer);
      await writable.close();
      for (const old of backupsToDelete(await webBackups.list(), now))
        await folder.removeEntry(old);
      return { status: 'saved', name };
    } catch (error) {
      console.error('[eco-desk] backup', error);
      return { status: 'failed', message: '无法写入备份。' };
    }
  },
  async read(name: string): Promise<OpenFileResult> {
    try {
      if (!parseBackupName(name, 0)) throw new Error('not a backup name');
      const folder = await webBackups.folder();
      const file = await (await folder.getFileHandle(name)).getFile();
      return { status: 'opened', name, data: new Uint8Array(await file.arrayBuffer()) };
    } catch {
      return { status: 'failed', reason: 'readError', message: `无法读取备份“${name}”。` };
    }
  },
};

import { mkdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { APP_ORIGIN } from '../../shared/ipc/channels';
import type { RemovableDrive } from '../../shared/ipc/api';
import { createApiHandlers } from '../../electron/main/handlers';
import { registerApiHandlers, type InvokeEvent } from '../../electron/main/ipc/registry';
import { safeStorageProtector } from '../../electron/main/safeStorageProtector';
import type { FileDialogs } from '../../electron/main/services/fileService';
import type { PrintWindow } from '../../electron/main/services/printService';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { decode, encode } from './codec';
import { BRIDGE_BINDING } from './electronStandIn';

/**
 * The desktop bridge (docs/desktop-bridge.md): the built renderer in Debian's Chromium, given
 * `window.ecoDesk` by the preload's own source built against a stand-in `electron` module, whose
 * `ipcRenderer.invoke` reaches — through a Playwright binding — the real IPC registry (sender
 * check, zod) and the real main-process services of electron/main/handlers.ts, on a data folder
 * of the test's. Replaced are only Electron's own parts: the context bridge and IPC transport,
 * the native dialogs (answered by the test), lsblk's answer (a temporary folder stands in for a
 * stick), safeStorage (as on a Linux desktop without a keyring), hidden print windows (a page
 * of the same context, printed by Chromium's page.pdf), the app:// protocol (vite preview on
 * 127.0.0.1) and the system print dialog (recorded, not shown).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

let preloadBuild: Promise<string> | undefined;

/** electron/preload/index.ts bundled as a page script, `electron` resolved to the stand-in. */
function preloadScript(): Promise<string> {
  preloadBuild ??= (async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      root: repo,
      logLevel: 'warn',
      publicDir: false,
      resolve: {
        alias: [
          { find: /^electron$/, replacement: path.join(here, 'electronStandIn.ts') },
          { find: '@shared', replacement: path.join(repo, 'shared') },
        ],
      },
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: {
          entry: path.join(repo, 'electron', 'preload', 'index.ts'),
          formats: ['iife'],
          name: 'ecoDeskPreload',
          fileName: () => 'preload.js',
        },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    for (const output of outputs)
      if ('output' in output)
        for (const chunk of output.output) if (chunk.type === 'chunk') return chunk.code;
    throw new Error('the preload build gave no script');
  })();
  return preloadBuild;
}

export interface DialogRequest {
  kind: 'save' | 'open';
  /** The save dialog's suggested path, or the open dialog's file types. */
  defaultPath?: string;
  filters?: { name: string; extensions: string[] }[];
}

type Listener = (event: InvokeEvent<Page>, ...args: unknown[]) => Promise<unknown>;

export class DesktopBridge {
  readonly dataFolder: string;
  readonly documents: string;
  readonly sticks: string;
  /** Every line the main process logged (refusals among them). */
  readonly log: string[] = [];
  readonly dialogs: DialogRequest[] = [];
  /** URLs of the windows the system print dialog was asked for. */
  readonly printed: string[] = [];
  /** Print windows open right now (each is closed once printed). */
  printWindows = 0;
  /**
   * Test-only switch: a print window starts with the main window's session storage (who is
   * signed in). The app's hidden print windows do not get it (see docs/desktop-bridge.md).
   */
  signInPrintWindows = false;
  private readonly answers = { save: [] as (string | null)[], open: [] as (string | null)[] };
  private readonly plugged: RemovableDrive[] = [];
  private readonly resultFaults = new Map<string, (result: unknown) => unknown>();
  private context: BrowserContext | undefined;

  /** `root` holds the data folder, the documents folder and the sticks; `origin` is the app's. */
  constructor(
    readonly root: string,
    readonly origin: string,
  ) {
    this.dataFolder = path.join(root, 'data');
    this.documents = path.join(root, 'documents');
    this.sticks = path.join(root, 'sticks');
  }

  /** Starts "the app": main process, then its window on the app's first page. */
  async start(): Promise<Page> {
    await mkdir(this.dataFolder, { recursive: true });
    await mkdir(this.documents, { recursive: true });
    const listeners = new Map<string, Listener>();
    const log = (message: string) => this.log.push(message);
    const version = (
      JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }
    ).version;
    registerApiHandlers<Page>(
      { handle: (channel, listener) => listeners.set(channel, listener) },
      createApiHandlers<Page>({
        version,
        dataFolder: { folder: this.dataFolder, portable: false },
        platform: process.platform,
        electronVersion: '',
        dialogs: this.fileDialogs(),
        documentsFolder: () => this.documents,
        // Debian without a keyring: Electron's safeStorage falls back to basic_text.
        protector: safeStorageProtector(
          {
            isAsyncEncryptionAvailable: () => Promise.resolve(true),
            getSelectedStorageBackend: () => 'basic_text',
            encryptStringAsync: () => Promise.reject(new Error('basic_text is never used')),
            decryptStringAsync: () => Promise.reject(new Error('basic_text is never used')),
          },
          'linux',
        ),
        openPrintWindow: (url) => this.openPrintWindow(url),
        printPage: (sender) => {
          this.printed.push(sender.url());
          return Promise.resolve();
        },
        runProgram: (file, args) => Promise.resolve(this.lsblk(file, args)),
        log,
      }),
      log,
      { appOrigin: this.origin },
    );

    // Electron keeps the renderer's storage in the data folder (userData): so does the bridge.
    const context = await chromium.launchPersistentContext(path.join(this.dataFolder, 'chromium'), {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, '--lang=zh-CN'],
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 860 },
      baseURL: `${this.origin}/`,
    });
    this.context = context;
    await context.exposeBinding(
      BRIDGE_BINDING,
      async (source, channel: string, payload: string) => {
        const listener = listeners.get(channel);
        if (!listener) throw new Error(`No handler registered for '${channel}'`);
        // What Electron hands the main process: the calling frame (its URL and parent) and the
        // web contents it belongs to.
        const event: InvokeEvent<Page> = {
          senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() },
          sender: source.page,
        };
        let result: unknown;
        try {
          result = await listener(event, ...(decode(payload) as unknown[]));
        } catch (error) {
          throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
            cause: error,
          });
        }
        const fault = this.resultFaults.get(channel);
        return encode(fault ? fault(result) : result);
      },
    );
    // A preload runs in the main frame only (Electron's nodeIntegrationInSubFrames is off).
    await context.addInitScript({
      content: `if (window === window.top) {\n${await preloadScript()}\n}`,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    return page;
  }

  /** Another window in the app's session (the preload runs there as in any of its windows). */
  async newPage(): Promise<Page> {
    if (!this.context) throw new Error('the app is not running');
    return this.context.newPage();
  }

  /** Quits "the app" (its window and its main process) and starts it again on the same folder. */
  async restart(): Promise<Page> {
    await this.close();
    return this.start();
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = undefined;
  }

  /** Closes and removes everything. */
  async dispose(): Promise<void> {
    await this.close();
    await rm(this.root, { recursive: true, force: true });
  }

  /** The next save dialog chooses this file; null cancels it. */
  answerSave(file: string | null): void {
    this.answers.save.push(file);
  }

  /** The next open dialog chooses this file; null cancels it. */
  answerOpen(file: string | null): void {
    this.answers.open.push(file);
  }

  /** Drops answers no dialog asked for (a flow that stopped before its dialog). */
  forgetAnswers(): void {
    this.answers.save.length = 0;
    this.answers.open.length = 0;
  }

  /** Plugs in a stick: a folder of its own, listed by lsblk as a removable drive's mount point. */
  async plugStick(label: string): Promise<string> {
    const mount = path.join(this.sticks, label);
    await mkdir(mount, { recursive: true });
    this.plugged.push({ path: mount, label, sizeBytes: 8 * 1024 ** 3 });
    return mount;
  }

  /** Test-only: what the page receives from one channel is changed (a broken adapter's result). */
  plantResult(channel: string, change: ((result: unknown) => unknown) | null): void {
    if (change) this.resultFaults.set(channel, change);
    else this.resultFaults.delete(channel);
  }

  private fileDialogs(): FileDialogs {
    return {
      showSaveDialog: (options) => {
        this.dialogs.push({ kind: 'save', ...options });
        const answer = this.answers.save.shift();
        if (answer === undefined)
          return Promise.reject(new Error('a save dialog the test did not answer'));
        return Promise.resolve(
          answer === null ? { canceled: true } : { canceled: false, filePath: answer },
        );
      },
      showOpenDialog: (options) => {
        this.dialogs.push({
          kind: 'open',
          ...(options.filters ? { filters: options.filters } : {}),
        });
        const answer = this.answers.open.shift();
        if (answer === undefined)
          return Promise.reject(new Error('an open dialog the test did not answer'));
        return Promise.resolve(
          answer === null
            ? { canceled: true, filePaths: [] }
            : { canceled: false, filePaths: [answer] },
        );
      },
    };
  }

  /** What `lsblk -J -b -o NAME,RM,HOTPLUG,MOUNTPOINT,LABEL,SIZE` says: the disk and the sticks. */
  private lsblk(file: string, args: readonly string[]): { stdout: string } {
    if (path.basename(file) !== 'lsblk' || args[0] !== '-J')
      throw new Error(`unexpected program ${file} ${args.join(' ')}`);
    const disk = {
      name: 'sda',
      rm: false,
      hotplug: false,
      mountpoint: null,
      children: [{ name: 'sda1', rm: false, hotplug: false, mountpoint: '/', size: 5e11 }],
    };
    const sticks = this.plugged.map((stick, i) => ({
      name: `sd${String.fromCharCode(98 + i)}`,
      rm: true,
      hotplug: true,
      mountpoint: null,
      size: stick.sizeBytes,
      children: [
        {
          name: `sd${String.fromCharCode(98 + i)}1`,
          rm: true,
          hotplug: true,
          mountpoint: stick.path,
          label: stick.label,
          size: stick.sizeBytes,
        },
      ],
    }));
    return { stdout: JSON.stringify({ blockdevices: [disk, ...sticks] }) };
  }

  private async openPrintWindow(url: string): Promise<PrintWindow> {
    // The hidden window loads app://eco-desk/…; here the same build is served over http.
    const target = new URL(url);
    if (`${target.protocol}//${target.host}` !== APP_ORIGIN)
      throw new Error(`a print window outside the app: ${url}`);
    if (!this.context) throw new Error('the app is not running');
    const main = this.context.pages()[0];
    const session =
      this.signInPrintWindows && main
        ? await main.evaluate(() => Object.entries(sessionStorage) as [string, string][])
        : [];
    const page = await this.context.newPage();
    if (session.length > 0)
      await page.addInitScript((entries) => {
        for (const [key, value] of entries) sessionStorage.setItem(key, value);
      }, session);
    this.printWindows += 1;
    await page.goto(`${this.origin}${target.pathname}${target.search}${target.hash}`);
    return {
      isReady: async () =>
        page.isClosed()
          ? false
          : page.evaluate(() => document.documentElement.dataset.printReady === '1'),
      printToPdf: async ({ landscape }) =>
        new Uint8Array(
          await page.pdf({
            format: 'A4',
            landscape,
            printBackground: true,
            preferCSSPageSize: true,
          }),
        ),
      close: () => {
        this.printWindows -= 1;
        void page.close();
      },
    };
  }
}

import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc/channels';
import { registerApiHandlers, type ApiHandlers, type InvokeEvent } from './registry';

type Listener = (event: InvokeEvent<string>, ...args: unknown[]) => Promise<unknown>;

function setUp(options: { appOrigin?: string } = {}) {
  const listeners = new Map<string, Listener>();
  const handlers: ApiHandlers<string> = {
    getAppInfo: vi.fn(async () => ({
      version: '1',
      dataFolder: '/d',
      portable: false,
      platform: 'linux',
      electronVersion: '45',
    })),
    saveFile: vi.fn(async () => ({ status: 'canceled' as const })),
    openFile: vi.fn(async () => ({ status: 'canceled' as const })),
    pickFiles: vi.fn(async () => ({ status: 'canceled' as const })),
    readPickedFile: vi.fn(async () => ({ status: 'canceled' as const })),
    printPage: vi.fn(async () => undefined),
    savePdf: vi.fn(async () => ({ status: 'canceled' as const })),
    printPdf: vi.fn(async () => ({ status: 'failed' as const, message: '' })),
    getIdentity: vi.fn(async () => ({ publicKey: 'ab', fingerprint: 'AB' })),
    signManifest: vi.fn(async () => ({ status: 'refused' as const, message: '' })),
    writeBackup: vi.fn(async () => ({ status: 'saved' as const, name: 'b' })),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => ({ status: 'canceled' as const })),
    listDrives: vi.fn(async () => []),
    writeToDrive: vi.fn(async () => ({ status: 'failed' as const, message: '' })),
  };
  const log = vi.fn();
  registerApiHandlers<string>(
    { handle: (channel, l) => listeners.set(channel, l) },
    handlers,
    log,
    options,
  );
  const call = (channel: string, url: string, parent: unknown, ...args: unknown[]) =>
    listeners.get(channel)!({ senderFrame: { url, parent }, sender: 'window-1' }, ...args);
  return { listeners, handlers, log, call };
}

describe('registerApiHandlers', () => {
  it('registers one handler per channel', () => {
    expect([...setUp().listeners.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('calls the handler with the sender and the checked arguments', async () => {
    const { call, handlers } = setUp();
    await call(CHANNELS.openFile, 'app://eco-desk/index.html', null, { maxBytes: 100 });
    expect(handlers.openFile).toHaveBeenCalledWith('window-1', { maxBytes: 100 });
  });

  it('refuses a sender from another origin and never calls the handler', async () => {
    const { call, handlers, log } = setUp();
    await expect(call(CHANNELS.getAppInfo, 'https://evil.example/', null)).rejects.toThrow(
      'sender not trusted',
    );
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });

  it('refuses a sub-frame even of the app origin', async () => {
    const { call } = setUp();
    await expect(
      call(CHANNELS.getAppInfo, 'app://eco-desk/x', { parent: 'frame' }),
    ).rejects.toThrow('sender not trusted');
  });

  it('refuses arguments that fail the schema', async () => {
    const { call, handlers } = setUp();
    await expect(
      call(CHANNELS.saveFile, 'app://eco-desk/index.html', null, {
        suggestedName: 'a',
        data: 'not bytes',
      }),
    ).rejects.toThrow('invalid arguments');
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('trusts only app://eco-desk unless told otherwise: the bridge harness’s http origin is refused', async () => {
    const { call, handlers } = setUp();
    for (const url of [
      'http://127.0.0.1:4310/index.html',
      'http://127.0.0.1:43117/#/handoff',
      'app://eco-desk.evil/index.html',
      'file:///work/main/dist/renderer/index.html',
    ])
      await expect(call(CHANNELS.getIdentity, url, null)).rejects.toThrow('sender not trusted');
    expect(handlers.getIdentity).not.toHaveBeenCalled();
  });

  it('with the bridge’s one origin named, trusts that main frame only', async () => {
    const { call, handlers } = setUp({ appOrigin: 'http://127.0.0.1:43117' });
    await call(CHANNELS.getIdentity, 'http://127.0.0.1:43117/#/handoff', null);
    expect(handlers.getIdentity).toHaveBeenCalledTimes(1);
    for (const url of ['app://eco-desk/index.html', 'http://127.0.0.1:4310/', 'http://evil.test/'])
      await expect(call(CHANNELS.getIdentity, url, null)).rejects.toThrow('sender not trusted');
    await expect(
      call(CHANNELS.getIdentity, 'http://127.0.0.1:43117/', { parent: null }),
    ).rejects.toThrow('sender not trusted');
    expect(handlers.getIdentity).toHaveBeenCalledTimes(1);
  });
});

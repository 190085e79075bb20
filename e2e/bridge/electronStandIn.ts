import { decode, encode } from './codec';

/**
 * The `electron` module the preload is built against in the desktop bridge
 * (docs/desktop-bridge.md): only the two names the preload imports. `exposeInMainWorld` sets the
 * global as Electron's context bridge does (frozen, not writable); `ipcRenderer.invoke` sends the
 * channel and the cloned arguments through a Playwright binding to the real IPC registry in the
 * test's Node process, and rejects as Electron does when the handler throws.
 */
export const BRIDGE_BINDING = 'ecoDeskBridgeInvoke';

type Binding = (channel: string, payload: string) => Promise<string>;

/** Test-only: replaces the next call's arguments on one channel (a wrong shape from the page). */
interface PlantedArguments {
  channel: string;
  args: unknown[];
}

export const contextBridge = {
  exposeInMainWorld(key: string, api: Record<string, unknown>): void {
    Object.defineProperty(window, key, {
      value: Object.freeze({ ...api }),
      enumerable: true,
      writable: false,
      configurable: false,
    });
  },
};

export const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const scope = window as unknown as Record<string, unknown>;
    const planted = scope.ecoDeskBridgePlantArguments as PlantedArguments | undefined;
    let sent = args;
    if (planted?.channel === channel) {
      sent = planted.args;
      delete scope.ecoDeskBridgePlantArguments;
    }
    const binding = scope[BRIDGE_BINDING] as Binding;
    return decode(await binding(channel, encode(sent)));
  },
};

import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The security settings here are the Electron checklist's: the page
 * gets no Node, runs sandboxed in its own context, and reaches the main process only through
 * the preload's window.ecoDesk. A packaged build has no DevTools: whoever sits at the office PC
 * cannot open a console into the page and call window.ecoDesk by hand.
 */
export function mainWindowOptions(
  preloadPath: string,
  build: { packaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '乡镇生态环境工作台',
    show: false,
    backgroundColor: '#f4f6f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !build.packaged,
      spellcheck: false,
    },
  };
}

import { isAppUrl, isLocalRequest } from './navigation';

/**
 * Hardening that applies to every window and web contents (Electron security checklist):
 * no new windows, no navigation away from the app in any frame, no <webview>, no permission
 * granted, and no request leaves the app's own origin — the app makes no network request at all.
 *
 * Typed by the parts of Electron's Session, App and WebContents used here (Electron's own types
 * satisfy them), so that the same functions run in the unit tests on fakes, where there is no
 * Electron runtime.
 */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  /** WebHID, WebUSB and serial devices. */
  setDevicePermissionHandler(handler: (details: { deviceType: string }) => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

/** A navigation about to happen (`will-navigate`, `will-frame-navigate`, `will-redirect`). */
interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface AppLike {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContentsLike) => void,
  ): unknown;
}

export function hardenSession(session: SessionLike, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(({ deviceType }) => {
    log(`denied device permission: ${deviceType}`);
    return false;
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isLocalRequest(details.url);
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(app: AppLike, log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log(`denied window.open: ${url}`);
      return { action: 'deny' };
    });
    const guard = (event: NavigationEvent) => {
      if (!isAppUrl(event.url)) {
        log(`blocked navigation: ${event.url}`);
        event.preventDefault();
      }
    };
    // will-navigate is the main frame's; will-frame-navigate also any frame inside the page.
    contents.on('will-navigate', guard);
    contents.on('will-frame-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

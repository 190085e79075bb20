import type { App, Session, WebContents } from 'electron';
import { isAppUrl, isLocalRequest } from './navigation';

/**
 * Hardening that applies to every window and web contents (Electron security checklist):
 * no new windows, no navigation away from the app, no <webview>, no permission granted, and
 * no request leaves the app's own origin — the app makes no network request at all.
 */
export function hardenSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isLocalRequest(details.url);
    if (!allowed) log(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(app: App, log: (message: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log(`denied window.open: ${url}`);
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url)) {
        log(`blocked navigation: ${url}`);
        event.preventDefault();
      }
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

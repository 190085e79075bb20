import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  type SessionLike,
  type WebContentsLike,
} from './security';

// The hardening proven on fakes of Electron's session, app and web contents, so that it is
// checked on machines without an Electron runtime too (e2e/desktop/security.spec.ts checks the
// same in the real app where there is one).

function fakeSession() {
  const handlers: {
    request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
    check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    device?: Parameters<SessionLike['setDevicePermissionHandler']>[0];
    beforeRequest?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
  } = {};
  const session = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
    webRequest: { onBeforeRequest: (listener) => void (handlers.beforeRequest = listener) },
  } satisfies SessionLike;
  return { session, handlers };
}

/** Whether a request to `url` goes through the session's filter. */
function cancelled(handlers: ReturnType<typeof fakeSession>['handlers'], url: string): boolean {
  let answer: boolean | undefined;
  handlers.beforeRequest!({ url }, ({ cancel }) => (answer = cancel));
  if (answer === undefined) throw new Error('the filter did not answer');
  return answer;
}

describe('hardenSession', () => {
  const { session, handlers } = fakeSession();
  const logged: string[] = [];
  hardenSession(session, (m) => logged.push(m));

  it('cancels every request that would leave the app: https, http, ws, file:', () => {
    for (const url of [
      'https://example.com/font.css',
      'http://127.0.0.1:4310/',
      'ws://127.0.0.1:9229/',
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'blob:https://evil.example/uuid',
      'ftp://example.com/',
    ])
      expect(cancelled(handlers, url), url).toBe(true);
    expect(logged).toContain('blocked request: file:///etc/passwd');
  });

  it('lets through the app’s own files, its blobs and data: URLs', () => {
    for (const url of [
      'app://eco-desk/index.html',
      'app://eco-desk/assets/index.js',
      'blob:app://eco-desk/4f1c',
      'data:image/png;base64,AAAA',
    ])
      expect(cancelled(handlers, url), url).toBe(false);
  });

  it('denies every permission asked for or checked, and every device', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) {
      let granted: boolean | undefined;
      handlers.request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(handlers.check!({}, permission), permission).toBe(false);
    }
    for (const deviceType of ['hid', 'usb', 'serial'])
      expect(handlers.device!({ deviceType })).toBe(false);
    expect(logged).toContain('denied permission request: media');
  });
});

/** A web contents: an event emitter with Electron's window-open handler. */
class FakeContents extends EventEmitter implements WebContentsLike {
  openHandler?: Parameters<WebContentsLike['setWindowOpenHandler']>[0];
  setWindowOpenHandler(handler: Parameters<WebContentsLike['setWindowOpenHandler']>[0]) {
    this.openHandler = handler;
  }
  /**
   * Emits a navigation event as Electron does — will-navigate and will-redirect also pass the
   * URL as a second (deprecated) argument, will-frame-navigate only the details — and says
   * whether a listener prevented it.
   */
  navigate(event: string, url: string): 'prevented' | 'allowed' {
    let prevented = false;
    const details = { url, preventDefault: () => (prevented = true) };
    if (event === 'will-frame-navigate') this.emit(event, details);
    else this.emit(event, details, url);
    return prevented ? 'prevented' : 'allowed';
  }
}

describe('hardenWebContents', () => {
  const app = new EventEmitter();
  const logged: string[] = [];
  hardenWebContents(app, (m) => logged.push(m));
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);

  it('refuses every new window', () => {
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://eco-desk/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: away from the app is prevented, within it allowed',
    (event) => {
      for (const url of [
        'https://example.com/',
        'file:///etc/passwd',
        'app://eco-desk.evil/index.html',
        'javascript:alert(1)',
        'about:blank',
      ])
        expect(contents.navigate(event, url), url).toBe('prevented');
      expect(contents.navigate(event, 'app://eco-desk/index.html#/ledger')).toBe('allowed');
    },
  );

  it('a frame inside the page navigating away is prevented (will-frame-navigate)', () => {
    // Electron fires only will-frame-navigate for a subframe: guarded like the main frame.
    expect(contents.listenerCount('will-frame-navigate')).toBe(1);
    expect(contents.navigate('will-frame-navigate', 'https://example.com/frame')).toBe('prevented');
    expect(logged).toContain('blocked navigation: https://example.com/frame');
  });

  it('refuses to attach a <webview>', () => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('hardens every web contents created later, not only the first', () => {
    const later = new FakeContents();
    app.emit('web-contents-created', {}, later);
    expect(later.navigate('will-frame-navigate', 'https://example.com/')).toBe('prevented');
    expect(later.openHandler).toBeDefined();
  });
});

import { APP_ORIGIN } from '@shared/ipc/channels';

/**
 * True only for pages of the app itself; every other navigation is blocked. `origin` is the
 * app's own (`app://eco-desk`) everywhere but in the desktop bridge's tests (docs/desktop-bridge.md),
 * which serve the same build over http and name that one origin instead.
 */
export function isAppUrl(url: string, origin: string = APP_ORIGIN): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin || `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/**
 * Requests the page may make: its own files, and in-memory blob:/data: URLs (thumbnails,
 * downloads). Anything that would leave the machine is refused.
 */
export function isLocalRequest(url: string): boolean {
  if (isAppUrl(url) || url.startsWith('devtools://')) return true;
  if (url.startsWith('data:')) return true;
  return url.startsWith(`blob:${APP_ORIGIN}/`);
}

/** An IPC message is acted on only when it comes from the app's own main frame. */
export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean } | null,
  origin: string = APP_ORIGIN,
): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url, origin);
}

import { APP_ORIGIN } from '@shared/ipc/channels';

/** True only for pages of the app itself; every other navigation is blocked. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === APP_ORIGIN || `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
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
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}

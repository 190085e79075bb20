import path from 'node:path';

export interface DataFolder {
  folder: string;
  portable: boolean;
}

/** The marker file that switches on portable mode when it sits beside the program. */
export const PORTABLE_MARKER = 'portable';

/**
 * Where the app keeps its data. Installed: Electron's userData. Portable: a `data/` folder beside
 * the program when a `portable` marker file is there — so a USB stick carries the program and
 * its data together. The program's folder is the one the user sees: electron-builder's portable
 * exe unpacks to a temporary folder and names the real one in PORTABLE_EXECUTABLE_DIR; an
 * AppImage names itself in APPIMAGE.
 */
export function resolveDataFolder(input: {
  exePath: string;
  env: Record<string, string | undefined>;
  defaultUserData: string;
  fileExists: (file: string) => boolean;
  /** An installed or portable build (Electron's `app.isPackaged`), not `electron .`. */
  packaged: boolean;
}): DataFolder {
  // A fresh folder per end-to-end test (Playwright's desktop fixture runs `electron .`). Never
  // in a packaged build: a shortcut setting it would point the office's app at another folder.
  const override = input.packaged ? undefined : input.env.ECO_DESK_DATA_DIR;
  if (override) return { folder: path.resolve(override), portable: false };
  const programDir =
    input.env.PORTABLE_EXECUTABLE_DIR ??
    (input.env.APPIMAGE ? path.dirname(input.env.APPIMAGE) : path.dirname(input.exePath));
  if (input.fileExists(path.join(programDir, PORTABLE_MARKER))) {
    return { folder: path.join(programDir, 'data'), portable: true };
  }
  return { folder: input.defaultUserData, portable: false };
}

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of DESIGN.md §1 is enforced by ESLint; these cases prove the rules fire, so a
 * config change that silently disables them fails here.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering rules', () => {
  it.each([
    ['shared/domain/village.ts', "import React from 'react';\nexport const x = React;\n"],
    ['shared/domain/village.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['shared/domain/village.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/domain/village.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['shared/domain/village.ts', 'export const x = document.title;\n'],
    ['renderer/src/db/hooks.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    [
      'renderer/src/db/hooks.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    ],
    [
      'electron/main/menu.ts',
      "import { db } from '../../renderer/src/db/db';\nexport const y = db;\n",
    ],
    [
      'renderer/src/features/settings/AboutTab.tsx',
      "import { db } from '../../db/db';\nexport const y = db;\n",
    ],
    [
      'renderer/src/features/settings/AboutTab.tsx',
      "import Dexie from 'dexie';\nexport const y = Dexie;\n",
    ],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([]);
  });

  it('allows the permitted direction: renderer and electron import shared', async () => {
    expect(
      await layeringErrors(
        'renderer/src/db/hooks.ts',
        "import { isLive } from '@shared/domain/record';\nexport const x = isLive;\n",
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        'electron/main/menu.ts',
        "import { CHANNELS } from '@shared/ipc/channels';\nexport const x = CHANNELS;\n",
      ),
    ).toEqual([]);
  });
});

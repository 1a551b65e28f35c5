// The layer rule is real: each deliberate cross-layer import below fails `npm run lint`,
// and the same import in an allowed layer passes.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-workspace';

const eslint = new ESLint({ cwd: repoRoot });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/specs/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/specs/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['shared/api/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['shared/api/bad.ts', "import { Session } from '../../electron/core/session';\nexport const x = Session;\n"],
    ['renderer/src/bad.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['renderer/src/bad.ts', "import { Session } from '../../electron/core/session';\nexport const x = Session;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['electron/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/web/bad.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n"],
    ['electron/core/bad.ts', "import { startWebHost } from '../web/host';\nexport const x = startWebHost;\n"],
    ['electron/core/api/bad.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n"],
    ['electron/main/bad.ts', "import { runCli } from '../cli/main';\nexport const x = runCli;\n"],
  ])('%s: %s fails the lint', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['electron/core/ok.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['renderer/src/ok.ts', "import { ApiError } from '../../shared/api/errors';\nexport const x = ApiError;\n"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

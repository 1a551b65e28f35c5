// The layer rule is real: each deliberate cross-layer import below fails `npm run lint`,
// and the same import in an allowed layer passes.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-workspace';

const eslint = new ESLint({ cwd: repoRoot });

async function lintErrors(rule: string, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const layerErrors = (file: string, code: string) => lintErrors('no-restricted-imports', file, code);
const orderErrors = (file: string, code: string) => lintErrors('specdeck/core-folder-order', file, code);

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

// electron/core's folders are ordered (eslint.config.js, coreOrder): each imports only downward.
describe("core's folder order", () => {
  it.each([
    // a room importing a room above it
    ['electron/core/index/bad.ts', "import { TraceService } from '../trace/trace-service';\nexport const x = TraceService;\n"],
    ['electron/core/storage/bad.ts', "import { Workspace } from '../workspace/workspace';\nexport const x = Workspace;\n"],
    ['electron/core/workspace/bad.ts', "import { SpecService } from '../specs/spec-service';\nexport const x = SpecService;\n"],
    ['electron/core/specs/deep/bad.ts', "import { createRouter } from '../../api/router';\nexport const x = createRouter;\n"],
    // type-only imports and re-exports count too
    ['electron/core/trace/bad.ts', "import type { Router } from '../api/router';\nexport type X = Router;\n"],
    ['electron/core/git/bad.ts', "export { IndexService } from '../index/index-service';\n"],
    // evidence sits between trace and api
    ['electron/core/trace/bad.ts', "import { EvidenceService } from '../evidence/evidence-service';\nexport const x = EvidenceService;\n"],
    ['electron/core/evidence/bad.ts', "import type { Router } from '../api/router';\nexport type X = Router;\n"],
    // no room imports the session that composes them
    ['electron/core/api/bad.ts', "import type { Session } from '../session';\nexport type X = Session;\n"],
    // a room with no place in the order
    ['electron/core/newroom/bad.ts', "import { Workspace } from '../workspace/workspace';\nexport const x = Workspace;\n"],
  ])('%s: %s fails the lint', async (file, code) => {
    expect(await orderErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/core/trace/ok.ts', "import { Workspace } from '../workspace/workspace';\nimport { openOwnedDatabase } from '../storage/sqlite-database';\nexport const x = [Workspace, openOwnedDatabase];\n"],
    ['electron/core/api/ok.ts', "import type { TraceService } from '../trace/trace-service';\nexport type X = TraceService;\n"],
    ['electron/core/evidence/ok.ts', "import { TraceService } from '../trace/trace-service';\nexport const x = TraceService;\n"],
    ['electron/core/api/ok.ts', "import type { EvidenceService } from '../evidence/evidence-service';\nexport type X = EvidenceService;\n"],
    ['electron/core/index/ok.ts', "import { IndexStore } from './index-store';\nexport const x = IndexStore;\n"],
    ['electron/core/ok.ts', "import { createRouter } from './api/router';\nexport const x = createRouter;\n"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await orderErrors(file, code)).toEqual([]);
  });

  it('names the order in its message', async () => {
    const [message] = await orderErrors('electron/core/index/bad.ts', "import { TraceService } from '../trace/trace-service';\nexport const x = TraceService;\n");
    expect(message).toContain('storage < workspace < git < watch < specs < index < trace < evidence < api');
  });
});

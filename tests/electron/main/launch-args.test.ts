import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFromArgv } from '../../../electron/main/launch-args';

const cwd = path.resolve('/home/me/work');

describe('folderFromArgv', () => {
  it('skips the script path when Electron runs a script (npm start)', () => {
    expect(folderFromArgv(['/x/electron', 'dist/electron/main.mjs', 'repo'], { defaultApp: true, cwd })).toBe(path.join(cwd, 'repo'));
    expect(folderFromArgv(['/x/electron', 'dist/electron/main.mjs'], { defaultApp: true, cwd })).toBeNull();
  });

  it('takes the first argument of a packaged app', () => {
    expect(folderFromArgv(['/opt/Specdeck/specdeck', '/abs/repo'], { defaultApp: false, cwd })).toBe(path.resolve('/abs/repo'));
    expect(folderFromArgv(['/opt/Specdeck/specdeck'], { defaultApp: false, cwd })).toBeNull();
  });

  it('ignores switches, including those Chromium adds to a second instance', () => {
    expect(
      folderFromArgv(['/opt/Specdeck/specdeck', '--allow-file-access-from-files', '--no-sandbox', '../other'], { defaultApp: false, cwd }),
    ).toBe(path.resolve(cwd, '../other'));
    expect(folderFromArgv(['/x/electron', 'main.mjs', '--inspect=0'], { defaultApp: true, cwd })).toBeNull();
  });
});

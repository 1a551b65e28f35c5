// Where the index lives: the user's data folder per platform, SPECDECK_DATA_DIR first.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, indexDbPath } from '../../../../electron/core/storage/data-dir';

describe('index data folder', () => {
  it('honours SPECDECK_DATA_DIR, then the platform convention', () => {
    expect(dataDir({ SPECDECK_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x');
    expect(dataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe('/xdg/specdeck');
    expect(dataDir({}, 'linux')).toBe(path.join(os.homedir(), '.local', 'share', 'specdeck'));
    expect(dataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Specdeck'));
    expect(dataDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toContain('Specdeck');
  });

  it('keys the database by workspace root', () => {
    const env = { SPECDECK_DATA_DIR: '/data' };
    const a = indexDbPath('/home/u/project', env);
    expect(a).toMatch(/^\/data\/index\/project-[0-9a-f]{16}\.sqlite$/);
    expect(indexDbPath('/home/v/project', env)).not.toBe(a);
    expect(indexDbPath('/home/u/project', env)).toBe(a);
    expect(path.basename(indexDbPath('/weird/na me\n', env))).toMatch(/^na_me_-[0-9a-f]{16}\.sqlite$/);
  });
});

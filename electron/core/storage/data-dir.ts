// Where index databases live: the user's data folder, one database per workspace root.
// SPECDECK_DATA_DIR overrides the folder (tests point it at a temporary directory).
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SPECDECK_DATA_DIR) return path.resolve(env.SPECDECK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Specdeck');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Specdeck');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'specdeck');
}

/** `<data>/<kind>/<folder name>-<hash of the real root>.sqlite`: readable, and unique per root. */
export function workspaceDbPath(kind: 'index' | 'trace' | 'ui', root: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  const name = path.basename(root).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'root';
  return path.join(dataDir(env), kind, `${name}-${key}.sqlite`);
}

export function indexDbPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return workspaceDbPath('index', root, env);
}

// Shared by `specdeck index|search|files`: open a folder's index, bring it up to date, close it.
import { Workspace } from '../../core/workspace/workspace';
import { IndexService } from '../../core/index/index-service';
import type { CliIO } from '../command';

export async function withFreshIndex<T>(dir: string, io: CliIO, use: (index: IndexService) => Promise<T>): Promise<T> {
  const ws = await Workspace.open(dir);
  const index = IndexService.start(ws.root, {}, {
    recovered: (r) => io.err(`specdeck: the index database was unusable (${r.reason}); moved it to ${r.movedTo} and rebuilt it`),
  });
  try {
    await index.whenIdle(); // on a known folder this re-reads only what changed
    return await use(index);
  } finally {
    await index.close();
  }
}

/** A path as one printable line: names with newlines or control characters are quoted. */
export function displayPath(path: string): string {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return JSON.stringify(path);
  }
  return path;
}

// Creating one folder (its parent must exist). One level at a time on purpose: the Linux watcher
// does not watch folders created below a new folder in one go (parcel-bundler/watcher#97), so a
// client that creates a tree level by level, waiting for each level's files.changed, keeps every
// level watched.
import { mkdir, stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/errors';
import type { Workspace } from './workspace';

export async function makeWorkspaceDir(ws: Workspace, rel: string): Promise<{ created: boolean }> {
  const absolute = await ws.resolve(rel);
  try {
    await mkdir(absolute);
    return { created: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(absolute)).isDirectory()) return { created: false };
      throw new ApiError('CONFLICT', `${rel} exists and is not a folder`, 'path');
    }
    if (code === 'ENOENT') throw new ApiError('NOT_FOUND', `The parent folder of ${rel} does not exist`, 'path');
    throw error;
  }
}

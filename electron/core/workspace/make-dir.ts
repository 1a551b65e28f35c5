// Creating one folder (its parent must exist). One level at a time on purpose: the Linux watcher
// does not watch folders created below a new folder in one go (parcel-bundler/watcher#97), so a
// client that creates a tree level by level, waiting for each level's files.changed, keeps every
// level watched.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { PinnedFolder } from './pinned';
import type { Workspace } from './workspace';

export async function makeWorkspaceDir(ws: Workspace, rel: string): Promise<{ created: boolean }> {
  const absolute = await ws.resolve(rel);
  let parent: PinnedFolder | null = null;
  try {
    // In the parent as resolved, pinned: a parent swapped for a link since cannot send it outside.
    parent = await PinnedFolder.open(path.dirname(absolute));
    await mkdir(parent.at(path.basename(absolute)));
    return { created: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(absolute)).isDirectory()) return { created: false };
      throw new ApiError('CONFLICT', `${rel} exists and is not a folder`, 'path');
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ApiError('NOT_FOUND', `The parent folder of ${rel} does not exist`, 'path');
    throw ws.raceError(error, rel);
  } finally {
    await parent?.close();
  }
}

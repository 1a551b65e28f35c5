// Every visible file of a workspace, honouring the ignore rules. Symlinked folders are not
// followed (no loops); unreadable folders are reported to `onSkip` and passed over. Each folder is
// listed through a verified descriptor, so one swapped for a link to outside lists nothing.
import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { IgnoreRules } from './ignore-rules';
import { listVerified } from './pinned';

/**
 * Folders listed at once. One at a time, every listing waited for its own round trip through
 * libuv's pool: on a tree of 18,000 folders under load that was most of a cold `specdeck tasks`
 * (seconds idle). A few in flight keep the pool's threads busy without flooding it.
 */
const LISTINGS_IN_FLIGHT = 16;

export async function walkFiles(
  root: string,
  rules: IgnoreRules,
  onSkip: (relPath: string, reason: string) => void = () => {},
): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  const visit = (dir: string, dirents: Dirent[]) => {
    // The listing says whether the folder has a .gitignore: most do not, and then no stat is needed.
    if (dir !== '' && !dirents.some((d) => d.name === '.gitignore')) rules.noteNoIgnoreFile(dir);
    for (const d of dirents) {
      const rel = dir === '' ? d.name : `${dir}/${d.name}`;
      const isDir = d.isDirectory();
      if (rules.isIgnoredInVisibleFolder(rel, isDir)) continue;
      if (isDir) pending.push(rel);
      else if (d.isFile()) files.push(rel);
    }
  };
  await new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let failure: { error: unknown } | null = null; // from visit or onSkip: the walk's caller gets it
    const next = () => {
      while (failure === null && inFlight < LISTINGS_IN_FLIGHT && pending.length > 0) {
        const dir = pending.pop()!;
        inFlight++;
        listVerified(path.join(root, dir))
          .then(
            (dirents) => visit(dir, dirents),
            (error: unknown) => onSkip(dir, (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))),
          )
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            inFlight--;
            next();
          });
      }
      if (inFlight > 0) return;
      if (failure !== null) reject(failure.error);
      else if (pending.length === 0) resolve();
    };
    next();
  });
  return files.sort();
}

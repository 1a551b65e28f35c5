// Every visible file of a workspace, honouring the ignore rules. Symlinked folders are not
// followed (no loops); unreadable folders are reported to `onSkip` and passed over. Each folder is
// listed through a verified descriptor, so one swapped for a link to outside lists nothing.
import path from 'node:path';
import type { IgnoreRules } from './ignore-rules';
import { listVerified } from './pinned';

export async function walkFiles(
  root: string,
  rules: IgnoreRules,
  onSkip: (relPath: string, reason: string) => void = () => {},
): Promise<string[]> {
  const files: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let dirents;
    try {
      dirents = await listVerified(path.join(root, dir));
    } catch (error) {
      onSkip(dir, (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
      continue;
    }
    for (const d of dirents) {
      const rel = dir === '' ? d.name : `${dir}/${d.name}`;
      const isDir = d.isDirectory();
      if (rules.isIgnoredInVisibleFolder(rel, isDir)) continue;
      if (isDir) pending.push(rel);
      else if (d.isFile()) files.push(rel);
    }
  }
  return files.sort();
}

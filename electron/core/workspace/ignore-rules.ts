// Git-style ignore rules: `.gitignore` at every level, `.git/info/exclude`, and a default list.
import { existsSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readVerifiedTextSync } from './pinned';

export const DEFAULT_EXCLUDES = ['.git', 'node_modules'];

export class IgnoreRules {
  /** Rules per workspace-relative folder ('' is the root); null where the folder has none. */
  private readonly byFolder = new Map<string, Ignore | null>();
  private readonly excluded: Set<string>;

  constructor(
    private readonly root: string,
    excludes: readonly string[] = DEFAULT_EXCLUDES,
  ) {
    this.excluded = new Set(excludes);
  }

  /**
   * `relPath` uses `/` and is relative to the root; `isDir` matters for `dir/` patterns.
   * Git's semantics: a path inside an ignored folder is ignored; otherwise the deepest
   * `.gitignore` with a matching pattern decides, so `!keep.log` in `src/` re-includes a file
   * the root's `*.log` excludes.
   */
  isIgnored(relPath: string, isDir: boolean): boolean {
    const parts = relPath.split('/');
    if (parts.some((p) => this.excluded.has(p))) return true;
    for (let i = 1; i < parts.length; i++) {
      if (this.decide(parts.slice(0, i), true)) return true;
    }
    return this.decide(parts, isDir);
  }

  /**
   * For walks that never descend into ignored folders: the verdict for an entry whose parent
   * folder is already known to be visible (cheaper than isIgnored: no ancestor re-checks).
   */
  isIgnoredInVisibleFolder(relPath: string, isDir: boolean): boolean {
    const parts = relPath.split('/');
    if (this.excluded.has(parts[parts.length - 1]!)) return true;
    return this.decide(parts, isDir);
  }

  /** The verdict for one path from the rules of its ancestors alone (not its parents' verdicts). */
  private decide(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    // The folder of each level grows by one name (no re-join per level: walks call this per entry).
    let folder = '';
    for (let level = 0; level < parts.length; level++) {
      if (level > 0) folder = level === 1 ? parts[0]! : `${folder}/${parts[level - 1]!}`;
      const rules = this.rulesFor(folder);
      if (!rules) continue;
      const verdict = rules.test(parts.slice(level).join('/') + (isDir ? '/' : ''));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * A walk that has just listed `folder` (not the root, which also reads .git/info/exclude) and
   * saw no `.gitignore` entry in it: the folder has no rules, known without a stat of its own.
   */
  noteNoIgnoreFile(folder: string): void {
    if (folder !== '' && !this.byFolder.has(folder)) this.byFolder.set(folder, null);
  }

  /** Forget cached rules, e.g. after a `.gitignore` changed. */
  invalidate(folder?: string): void {
    if (folder === undefined) this.byFolder.clear();
    else this.byFolder.delete(folder);
  }

  private rulesFor(folder: string): Ignore | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    const sources = [readText(path.join(this.root, folder, '.gitignore'))];
    if (folder === '') sources.push(readText(path.join(this.root, '.git', 'info', 'exclude')));
    const text = sources.filter((s): s is string => s !== null).join('\n');
    rules = text.trim() === '' ? null : ignore({ allowRelativePaths: true }).add(text);
    this.byFolder.set(folder, rules);
    return rules;
  }
}

/**
 * `file` is under the real root: the read is verified (no link at any level, as git, which does
 * not follow a `.gitignore` that is a link), so a folder swapped for a link cannot bring in
 * outside rules.
 */
function readText(file: string): string | null {
  // Most folders have no .gitignore: a stat is much cheaper than a thrown ENOENT per folder.
  if (!existsSync(file)) return null;
  return readVerifiedTextSync(file);
}

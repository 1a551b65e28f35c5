// Git-style ignore rules: `.gitignore` at every level, `.git/info/exclude`, and a default list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

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

  /** `relPath` uses `/` and is relative to the root; `isDir` matters for `dir/` patterns. */
  isIgnored(relPath: string, isDir: boolean): boolean {
    const parts = relPath.split('/');
    if (parts.some((p) => this.excluded.has(p))) return true;
    // Check the rules of every ancestor folder against the path relative to that folder.
    for (let i = 0; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const rules = this.rulesFor(folder);
      if (!rules) continue;
      const rest = parts.slice(i).join('/') + (isDir ? '/' : '');
      if (rules.ignores(rest)) return true;
    }
    return false;
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

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

// Git-style ignore rules: `.gitignore` at every level, `.git/info/exclude`, and a default list.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileGitignore, matchRules, type GitRule } from './git-pattern';
import { readVerifiedTextSync } from './pinned';

export const DEFAULT_EXCLUDES = ['.git', 'node_modules'];

/** The rules that apply below one folder: each folder from the root down that has a `.gitignore`. */
type Chain = readonly { readonly start: number; readonly rules: readonly GitRule[] }[];

/** core.ignorecase as git sets it: on the case-insensitive file systems of macOS and Windows. */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';
const foldAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const keep = (s: string) => s;

export class IgnoreRules {
  /** Compiled `.gitignore` per workspace-relative folder ('' is the root); null where the folder has none. */
  private readonly byFolder = new Map<string, GitRule[] | null>();
  /** Per folder, the `.gitignore` files above its entries (one list per folder, not per path). */
  private readonly chains = new Map<string, Chain>();
  /** `.git/info/exclude`: below every `.gitignore` (git consults it only when none matches). */
  private exclude: GitRule[] | null | undefined;
  private readonly excluded: Set<string>;
  private readonly fold: (s: string) => string;

  constructor(
    private readonly root: string,
    excludes: readonly string[] = DEFAULT_EXCLUDES,
    options: { ignoreCase?: boolean } = {},
  ) {
    this.excluded = new Set(excludes);
    this.fold = (options.ignoreCase ?? IGNORE_CASE) ? foldAscii : keep;
  }

  /**
   * `relPath` uses `/` and is relative to the root; `isDir` matters for `dir/` patterns.
   * Git's semantics: a path inside an ignored folder is ignored; otherwise the deepest
   * `.gitignore` with a matching pattern decides (its last matching pattern), so `!keep.log` in
   * `src/` re-includes a file the root's `*.log` excludes; `.git/info/exclude` decides only when
   * no `.gitignore` matches.
   */
  isIgnored(relPath: string, isDir: boolean): boolean {
    const parts = relPath.split('/');
    if (parts.some((p) => this.excluded.has(p))) return true;
    const folded = this.fold(relPath);
    let folderEnd = -1; // the folders above, outermost first: each must be visible
    for (let slash = folded.indexOf('/'); slash >= 0; slash = folded.indexOf('/', slash + 1)) {
      if (this.verdict(folded.slice(0, Math.max(0, folderEnd)), folded.slice(0, slash), folderEnd + 1, true)) return true;
      folderEnd = slash;
    }
    return this.verdict(folded.slice(0, Math.max(0, folderEnd)), folded, folderEnd + 1, isDir);
  }

  /**
   * For walks that never descend into ignored folders: the verdict for an entry whose parent
   * folder is already known to be visible (no ancestor re-checks, no per-path cache).
   */
  isIgnoredInVisibleFolder(relPath: string, isDir: boolean): boolean {
    const slash = relPath.lastIndexOf('/');
    if (this.excluded.has(slash < 0 ? relPath : relPath.slice(slash + 1))) return true;
    const folded = this.fold(relPath);
    return this.verdict(slash < 0 ? '' : folded.slice(0, slash), folded, slash + 1, isDir);
  }

  /** The verdict for `folded` (a path) in `folder` from the rules alone; its name starts at `nameStart`. */
  private verdict(folder: string, folded: string, nameStart: number, isDir: boolean): boolean {
    const chain = this.chainFor(folder);
    const name = nameStart === 0 ? folded : folded.slice(nameStart);
    for (let i = chain.length - 1; i >= 0; i--) {
      const { start, rules } = chain[i]!;
      const verdict = matchRules(rules, folded, start, name, isDir);
      if (verdict !== 0) return verdict > 0;
    }
    if (this.exclude === undefined) this.exclude = this.compile(path.join(this.root, '.git', 'info', 'exclude'));
    return this.exclude !== null && matchRules(this.exclude, folded, 0, name, isDir) > 0;
  }

  private chainFor(folder: string): Chain {
    let chain = this.chains.get(folder);
    if (chain !== undefined) return chain;
    const slash = folder.lastIndexOf('/');
    const above = folder === '' ? [] : this.chainFor(slash < 0 ? '' : folder.slice(0, slash));
    const own = this.rulesFor(folder);
    chain = own ? [...above, { start: folder === '' ? 0 : folder.length + 1, rules: own }] : above;
    this.chains.set(folder, chain);
    return chain;
  }

  /**
   * A walk that has just listed `folder` (not the root, which also reads .git/info/exclude) and
   * saw no `.gitignore` entry in it: the folder has no rules, known without a stat of its own.
   */
  noteNoIgnoreFile(folder: string): void {
    if (folder !== '' && !this.byFolder.has(folder)) this.byFolder.set(folder, null);
  }

  /** Forget cached rules, e.g. after a `.gitignore` changed (the root's: also `.git/info/exclude`). */
  invalidate(folder?: string): void {
    if (folder === undefined) this.byFolder.clear();
    else this.byFolder.delete(folder);
    if (folder === undefined || folder === '') this.exclude = undefined;
    this.chains.clear();
  }

  private rulesFor(folder: string): GitRule[] | null {
    let rules = this.byFolder.get(folder);
    if (rules !== undefined) return rules;
    rules = this.compile(path.join(this.root, folder, '.gitignore'));
    this.byFolder.set(folder, rules);
    return rules;
  }

  private compile(file: string): GitRule[] | null {
    const text = readText(file);
    return text === null ? null : compileGitignore(text, this.fold);
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

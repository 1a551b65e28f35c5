// Quick-open ranking: contiguous runs, basename hits, camelCase and separator boundaries.
import { describe, expect, it } from 'vitest';
import { FileList } from '../../../../electron/core/index/file-list';
import { fuzzyScore, isSubsequence, scorePath } from '../../../../electron/core/index/fuzzy';

const rank = (paths: string[], query: string) => {
  const list = new FileList();
  list.replace(paths);
  return list.search(query).map((h) => h.path);
};
const score = (path: string, query: string) => scorePath(query, query.toLowerCase(), path, path.toLowerCase())?.score ?? null;

describe('fuzzy path matching', () => {
  it('requires every query character in order', () => {
    expect(isSubsequence('abc', 'xaxbxc')).toBe(true);
    expect(isSubsequence('acb', 'xaxbxc')).toBe(false);
    expect(score('src/main.ts', 'mian')).toBeNull();
    expect(rank(['src/main.ts', 'lib/other.ts'], 'zzz')).toEqual([]);
  });

  it('prefers a contiguous run to scattered letters', () => {
    expect(score('src/formatter.ts', 'format')!).toBeGreaterThan(score('src/fo_r_m_at.ts', 'format')!);
  });

  it('prefers a match in the basename to one that needs the folders', () => {
    expect(rank(['index/worker.ts', 'src/index.ts'], 'index')).toEqual(['src/index.ts', 'index/worker.ts']);
  });

  it('rewards camelCase humps and separators', () => {
    expect(rank(['src/fabricBarrier.ts', 'src/FooBar.ts'], 'FB')[0]).toBe('src/FooBar.ts');
    expect(rank(['src/abcxdef.ts', 'src/abc_def.ts'], 'ad')[0]).toBe('src/abc_def.ts');
    expect(rank(['src/b/ace.ts', 'src/a/base.ts'], 'sa')[0]).toBe('src/a/base.ts');
  });

  it('uses the folders when the query has a slash', () => {
    expect(rank(['app/view.ts', 'lib/view.ts'], 'lib/view')).toEqual(['lib/view.ts']);
  });

  it('breaks ties by shorter path, then alphabetically', () => {
    expect(rank(['b/readme.md', 'a/readme.md', 'long/folder/readme.md'], 'readme')).toEqual(['a/readme.md', 'b/readme.md', 'long/folder/readme.md']);
  });

  it('returns the matched positions for highlighting', () => {
    const match = fuzzyScore('ut', 'ut', 'src/userTable.ts', 'src/usertable.ts');
    expect(match?.positions).toEqual([4, 8]);
    const list = new FileList();
    list.replace(['src/userTable.ts']);
    expect(list.search('ut')[0]?.positions).toEqual([4, 8]);
  });

  it('narrows the previous keystroke’s survivors and stays correct after list changes', () => {
    const list = new FileList();
    list.replace(['a/alpha.ts', 'b/beta.ts']);
    expect(list.search('al').map((h) => h.path)).toEqual(['a/alpha.ts']);
    list.add(['c/alps.ts']);
    expect(list.search('alp').map((h) => h.path).sort()).toEqual(['a/alpha.ts', 'c/alps.ts']);
    list.remove(['a/alpha.ts']);
    expect(list.search('alp').map((h) => h.path)).toEqual(['c/alps.ts']);
    expect(list.size).toBe(2);
  });

  it('searches in slices with the same result, and restarts when the list changes meanwhile', () => {
    const paths = Array.from({ length: 10_000 }, (_, i) => `pkg${i % 13}/src/module${i}.ts`);
    const list = new FileList();
    list.replace(paths);
    const whole = list.search('mod12', 20);
    const fresh = new FileList();
    fresh.replace(paths);
    const steps = fresh.searchSteps('mod12', 20);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      if (++yields === 1) fresh.add(['aaa/mod12.ts']); // changes the list mid-search
    }
    expect(yields).toBeGreaterThan(0);
    expect(step.value[0]!.path).toBe('aaa/mod12.ts');
    expect(step.value.slice(1)).toEqual(whole.slice(0, 19));
  });

  it('keeps only the best `limit` hits, in order', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `dir${i}/file${i}.ts`);
    const hits = new FileList();
    hits.replace(paths);
    const top = hits.search('file1', 5);
    expect(top).toHaveLength(5);
    expect(top[0]!.path).toBe('dir1/file1.ts');
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.score).toBeGreaterThanOrEqual(top[i]!.score);
  });
});

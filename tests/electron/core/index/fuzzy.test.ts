// Quick-open ranking: contiguous runs, basename hits, camelCase and separator boundaries.
import { describe, expect, it } from 'vitest';
import { FileList } from '../../../../electron/core/index/file-list';
import { basenameFitsFrom, charBit, charMask, FullPathScorer, fuzzyScore, isSubsequence, scorePath, STRONG_START, wordStarts } from '../../../../electron/core/index/fuzzy';

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

// A deterministic tree of paths shaped like real ones: shared folders, camelCase and separators,
// case variants, a backslash and non-ASCII names, one path past the scored length.
function treePaths(count: number): string[] {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = ['user', 'session', 'cache', 'order', 'item', 'handle', 'pack', 'age', 'lib', 'ts', 'index', 'api', 'Ünï', 'x'];
  const word = () => words[Math.floor(random() * words.length)]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const folders = Array.from({ length: Math.max(1, Math.floor(count / 12)) }, (_, i) =>
    `${i % 5 === 0 ? 'Packages' : 'packages'}/${word()}-${i % 9}/src/${i % 3 === 0 ? `${word()}_${word()}/` : ''}`);
  const paths = folders.flatMap((folder, f) =>
    Array.from({ length: 12 }, (_, k) => `${folder}${word()}${cap(word())}${random() < 0.3 ? `.${word()}` : ''}${f * 12 + k}.${k % 3 === 0 ? 'tsx' : 'ts'}`));
  paths.push('top.ts', 'a\\b/back\\slash.ts', `deep/${'d'.repeat(600)}/usersession.ts`, 'Readme.md');
  return paths;
}

/** The recurrence of fuzzy.ts in its plainest form (a full matrix), to check the fast scorers against. */
function referenceScore(query: string, target: string, offset = 0): { score: number; positions: number[] } | null {
  const ql = query.toLowerCase();
  const tl = target.toLowerCase();
  const m = ql.length;
  const n = Math.min(target.length - offset, 512);
  if (m === 0 || m > n) return m === 0 ? { score: 0, positions: [] } : null;
  const bonus = (t: number) => {
    if (t === 0) return 8;
    const prev = target[t - 1]!;
    if (prev === '/' || prev === '\\') return 7;
    if ('_-. '.includes(prev)) return 5;
    return /[A-Z]/.test(target[t]!) && /[a-z0-9]/.test(prev) ? 5 : 0;
  };
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i++) {
    best.push(new Array<number>(n).fill(-Infinity));
    from.push(new Array<number>(n).fill(-1));
    for (let j = 0; j < n; j++) {
      const t = offset + j;
      if (tl[t] !== ql[i]) continue;
      const own = 1 + bonus(t) + (query[i] === target[t] ? 1 : 0);
      if (i === 0) {
        best[i]![j] = own;
        continue;
      }
      let top = j > 0 ? best[i - 1]![j - 1]! + 6 : -Infinity;
      let via = j - 1;
      for (let k = 0; k <= j - 2; k++) {
        const gap = best[i - 1]![k]! - 0.25 * (j - 1 - k);
        if (gap > top) {
          top = gap;
          via = k;
        }
      }
      if (top === -Infinity) continue;
      best[i]![j] = own + top;
      from[i]![j] = via;
    }
  }
  let end = -1;
  for (let j = 0; j < n; j++) if (best[m - 1]![j]! > (end === -1 ? -Infinity : best[m - 1]![end]!)) end = j;
  if (end === -1) return null;
  const positions = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions[i] = offset + j;
    j = from[i]![j]!;
  }
  return { score: best[m - 1]![end]!, positions };
}

const QUERIES = ['u', 'us', 'uSess', 'usersession', 'pack', 'packages/', 'packages/user', 'Pa', 'oi', 'OrderItem', 'lib/ts', 'a\\b', 'ünï', 'ts', 'x1', 'idx', 'zzz', 'top'];
// Queries whose rows in a basename could take humps and separators in sequence (the bounds that skip folders count them).
const HUMP_QUERIES = ['packages/usersession', 'packages/userSessionCache', 'src/ordeRitem', 'src/item.ts', 'src/a_b', 'age-0/src/cacheitem', 'pack/sessionitem12', 'ageitemuser'];

describe('quick-open scoring shortcuts', () => {
  const paths = treePaths(1200);

  it('scores every path exactly as the plain recurrence does, positions included', () => {
    let compared = 0;
    for (const query of QUERIES) {
      for (const path of paths) {
        for (const offset of [0, path.lastIndexOf('/') + 1]) {
          const fast = fuzzyScore(query, query.toLowerCase(), path, path.toLowerCase(), offset);
          const plain = referenceScore(query, path, offset);
          // Where several alignments tie, positions may differ; the score may not.
          expect(fast?.score ?? null, `${query} in ${path} from ${offset}`).toBe(plain?.score ?? null);
          if (fast && plain) expect(fast.positions.length).toBe(plain.positions.length);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('ranks exactly as scoring every path and sorting them all', () => {
    const list = new FileList();
    list.replace(paths);
    for (const query of [...QUERIES, ...HUMP_QUERIES]) {
      for (const limit of [1, 7, 50]) {
        const q = query.replace(/\\/g, '/');
        const everything = paths
          .map((path) => ({ path, match: scorePath(q, q.toLowerCase(), path, path.toLowerCase()) }))
          .filter((h) => h.match !== null)
          .map((h) => ({ path: h.path, ...h.match! }))
          .sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : 1))
          .slice(0, limit);
        const fresh = new FileList();
        fresh.replace(paths);
        expect(fresh.search(query, limit), `${query} (limit ${limit})`).toEqual(everything);
      }
    }
  });

  it('narrowing the previous keystroke gives exactly what a fresh query gives', () => {
    const typing = new FileList();
    typing.replace(paths);
    for (const typed of ['usersessioncache', 'packages/user', 'OrderItemHandle', 'Pack', 'ünïx']) {
      for (let k = 1; k <= typed.length; k++) {
        const fresh = new FileList();
        fresh.replace(paths);
        expect(typing.search(typed.slice(0, k)), typed.slice(0, k)).toEqual(fresh.search(typed.slice(0, k)));
      }
      // Backspacing widens again: not a narrowing, so every path is considered anew.
      const fresh = new FileList();
      fresh.replace(paths);
      expect(typing.search(typed.slice(0, 2))).toEqual(fresh.search(typed.slice(0, 2)));
    }
  });

  it('ranks exactly as brute force where basenames join words with separators and humps', () => {
    // Rows in sequence after a separator row take a word-start bonus too: the folder bounds must count it.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const words = ['user', 'sess', 'item', 'ab', 'x'];
    const word = () => words[Math.floor(random() * words.length)]!;
    const seps = ['_', '-', '.', ''];
    const sep = () => seps[Math.floor(random() * seps.length)]!;
    const mixed = Array.from({ length: 1500 }, (_, i) => `pkg${i % 37}/src${i % 5}/${word()}${sep()}${random() < 0.5 ? word() : word().toUpperCase()}${sep()}${word()}${i}.ts`);
    const list = new FileList();
    list.replace(mixed);
    for (const query of ['pkg1/user_sess', 'src/ab-item', 'pkg/x.user', 'src3/item_ab_x', 'pkg2/sess-item.', 'user_item', 'ab.ab', 'pkg/userItem']) {
      for (let k = 2; k <= query.length; k++) {
        for (const limit of [1, 7, 50]) {
          const q = query.slice(0, k);
          const everything = mixed
            .map((path) => ({ path, match: scorePath(q, q.toLowerCase(), path, path.toLowerCase()) }))
            .filter((h) => h.match !== null)
            .map((h) => ({ path: h.path, ...h.match! }))
            .sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : 1))
            .slice(0, limit);
          expect(list.search(q, limit), `${q} (limit ${limit})`).toEqual(everything);
        }
      }
    }
  });

  it('carries folder bounds only to a query that extends the last one as written', () => {
    // Same lower-case text, other case: the same-case bonus moves scores, so the last bounds do not hold.
    const typing = new FileList();
    typing.replace(paths);
    // Exact folder bounds (the folder holds the whole query, its basenames none of it): from 'd/ab'
    // the upper-case folder's bound is 37, below its 41 for 'D/AB', which must still win.
    const small = new FileList();
    small.replace(['d/ab/x.ts', 'D/AB/yy.ts']);
    expect(small.search('d/ab', 1).map((h) => h.path)).toEqual(['d/ab/x.ts']);
    expect(small.search('D/AB', 1).map((h) => h.path)).toEqual(['D/AB/yy.ts']);
    for (const q of ['pack', 'Pack', 'PackA', 'packag', 'packages/u', 'packages/U', 'packages/Us', 'packages/user', 'Packages/User', 'PACKAGES/USER', 'packages/useRsession', 'OrderIt', 'orderItem', 'orderItemh', 'ordeRitemh', 'usersess', 'UserSess', 'USERSESS']) {
      const fresh = new FileList();
      fresh.replace(paths);
      for (const limit of [50, 3]) expect(typing.search(q, limit), `${q} (limit ${limit})`).toEqual(fresh.search(q, limit));
    }
  });
});

describe('quick-open score bounds', () => {
  // The bounds that skip a path or a whole folder unscored must never fall below a real score;
  // ranking tests only notice where a skipped path would have entered the top list. Here every
  // path is asked for its score with its own score as the floor (so any bound below it answers
  // null), and each folder's bound is compared with its best path, on basenames that start with
  // query characters, join words with humps and separators (also as the query types them, in
  // either case) and hold backslashes.
  let seed = 5;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = ['ab', 'ages', 'es', 'sa', 'eS', 'Ages', 'gE', 'x', 'pack', 'a'];
  const seps = ['', '', '_', '-', '.', '\\'];
  const folders = Array.from({ length: 80 }, (_, i) => `${pick(['packages', 'pack-ages', 'pa', 'Packages'])}/${pick(words)}${pick(seps)}${pick(words)}-${i % 4}/${i % 3 ? 'src/' : ''}`);
  const paths = folders.flatMap((folder) => Array.from({ length: 10 }, () => `${folder}${pick(words)}${pick(seps)}${pick(words)}${pick(seps)}${pick(words)}.ts`));
  const queries = ['packages', 'pacKAges', 'packagEs', 'pages', 'pAGes', 'packaGeS', 'agesab', 'sAges', 'pa/es', 'packages/ages', 'pack-agEs', 'esa', 'pes', 'packag\\es', 'src/es', 'src/aes', 'pa/ab', 'src/gees'];

  it('no path scores above the bound that would skip it', () => {
    let checked = 0;
    for (const query of queries) {
      const ql = query.toLowerCase();
      const full = new FullPathScorer(query, ql);
      for (const path of paths) {
        const lower = path.toLowerCase();
        const base = path.lastIndexOf('/') + 1;
        const real = fuzzyScore(query, ql, path, lower, 0)?.score ?? null;
        if (real === null) continue;
        const whole = isSubsequence(ql, lower, base);
        const got = full.score(path, lower, base, folders.indexOf(path.slice(0, base)), wordStarts(path, base + 1), charMask(lower, base), whole, real, true);
        expect(got, `${query} in ${path}`).toBe(real);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('no path of a folder scores above its folder bound', () => {
    let checked = 0;
    for (const query of queries) {
      const ql = query.toLowerCase();
      if (ql.length < 2) continue;
      const full = new FullPathScorer(query, ql);
      folders.forEach((folder, id) => {
        const inFolder = paths.filter((p) => p.startsWith(folder) && p.lastIndexOf('/') + 1 === folder.length);
        let most = 0;
        let fits = ql.length;
        let firstBits = 0;
        let best = -Infinity;
        for (const path of inFolder) {
          const starts = wordStarts(path, folder.length + 1);
          most = Math.max(Math.floor(most / STRONG_START), Math.floor(starts / STRONG_START)) * STRONG_START + Math.max(most % STRONG_START, starts % STRONG_START);
          fits = Math.min(fits, basenameFitsFrom(ql, path.toLowerCase(), folder.length));
          firstBits |= charBit(path.toLowerCase().charCodeAt(folder.length));
          best = Math.max(best, fuzzyScore(query, ql, path, path.toLowerCase(), 0)?.score ?? -Infinity);
        }
        if (best === -Infinity) return;
        const first = inFolder[0]!;
        const bound = full.folderBound(first, first.toLowerCase(), folder.length, id + 1000, most, fits, firstBits, fits === 0);
        expect(bound, `${query} in ${folder}`).toBeGreaterThanOrEqual(best);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('quick-open grouped by folder', () => {
  const brute = (live: Iterable<string>, query: string, limit: number) => {
    const q = query.replace(/\s+/g, '').replace(/\\/g, '/');
    return [...live]
      .map((path) => ({ path, match: scorePath(q, q.toLowerCase(), path, path.toLowerCase()) }))
      .filter((h) => h.match !== null)
      .map((h) => ({ path: h.path, ...h.match! }))
      .sort((a, b) => b.score - a.score || a.path.length - b.path.length || (a.path < b.path ? -1 : 1))
      .slice(0, limit);
  };

  it('ranks exactly as brute force while paths arrive out of folder order and are added and removed', () => {
    // Interleaved across folders (as a bench tree writes them), plus odd shapes: an empty
    // basename, a folder past the scored length, a root file.
    const tree = treePaths(1200);
    const interleaved = tree.map((_, i) => tree[(i * 37) % tree.length]!);
    expect(new Set(interleaved).size).toBe(tree.length);
    const extra = ['odd/', 'odd/usersession.ts', `${'e'.repeat(520)}/packages/user.ts`, 'packages.ts'];
    const list = new FileList();
    list.replace([...interleaved.slice(0, 900), ...extra]);
    const live = new Set([...interleaved.slice(0, 900), ...extra]);
    const check = (label: string) => {
      for (const typed of ['usersessioncache', 'packages/user', 'OrderItem', 'pa']) {
        for (let k = 1; k <= typed.length; k++) {
          for (const limit of [1, 7, 50]) {
            // Typing narrows the last survivors; each prefix also checked fresh (limit 7 runs right after limit 1 of the same prefix: not narrowing, a repeat).
            expect(list.search(typed.slice(0, k), limit), `${label}: ${typed.slice(0, k)} (limit ${limit})`).toEqual(brute(live, typed.slice(0, k), limit));
          }
        }
      }
    };
    check('first list');
    // Add the rest, then remove a scattered third, then enough to force compaction.
    list.add(interleaved.slice(900));
    for (const p of interleaved.slice(900)) live.add(p);
    check('after add');
    const third = interleaved.filter((_, i) => i % 3 === 1);
    list.remove([...third, 'not/there.ts']);
    for (const p of third) live.delete(p);
    expect(list.size).toBe(live.size);
    check('after removing a third');
    const most = interleaved.filter((_, i) => i % 3 !== 1 && i % 5 !== 0);
    list.remove(most);
    for (const p of most) live.delete(p);
    expect(list.size).toBe(live.size);
    expect(list.all().sort()).toEqual([...live].sort());
    check('after compaction');
    // Removed paths come back as new ones.
    list.add(most.slice(0, 100));
    for (const p of most.slice(0, 100)) live.add(p);
    check('after re-adding');
    expect(list.search('', 5).map((h) => h.path)).toEqual([...live].sort().slice(0, 5));
  });

  it('narrowing within one keystroke of an add or remove never reuses stale survivors', () => {
    const list = new FileList();
    list.replace(['packages/a/user.ts', 'packages/b/user.ts', 'other/useless.ts']);
    expect(list.search('use').map((h) => h.path)).toHaveLength(3);
    list.remove(['packages/a/user.ts']);
    expect(list.search('user').map((h) => h.path)).toEqual(['packages/b/user.ts']);
    list.add(['packages/a/user.ts', 'packages/a/users.ts']);
    expect(list.search('usersx')).toEqual([]);
    expect(list.search('users.').map((h) => h.path)).toEqual(['packages/a/users.ts']);
    expect(list.search('users.')).toEqual(brute(['packages/b/user.ts', 'other/useless.ts', 'packages/a/user.ts', 'packages/a/users.ts'], 'users.', 50));
  });
});

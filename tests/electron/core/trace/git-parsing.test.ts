// Parsing git's zero-context diffs and comment tags.
import { expect, it } from 'vitest';
import { parseUnifiedDiff } from '../../../../electron/core/trace/unified-diff';
import { scanCommentTags } from '../../../../electron/core/trace/comment-tags';
import { splitTaskKey } from '../../../../electron/core/trace/git-trailers';

it('reads hunks of added, changed and deleted lines, and skips deleted and binary files', () => {
  const diff = [
    'diff --git a/src/a.ts b/src/a.ts',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -3,0 +4,2 @@ context',
    '+x',
    '+y',
    '@@ -10 +12 @@',
    '@@ -20,2 +21,0 @@',
    'diff --git a/gone.ts b/gone.ts',
    '--- a/gone.ts',
    '+++ /dev/null',
    '@@ -1,3 +0,0 @@',
    'diff --git a/img.png b/img.png',
    'Binary files a/img.png and b/img.png differ',
    'diff --git "a/caf\\303\\251 \\"x\\".ts" "b/caf\\303\\251 \\"x\\".ts"',
    '--- "a/caf\\303\\251 \\"x\\".ts"',
    '+++ "b/caf\\303\\251 \\"x\\".ts"',
    '@@ -0,0 +1 @@',
  ].join('\n');
  expect(parseUnifiedDiff(diff)).toEqual([
    {
      path: 'src/a.ts',
      hunks: [
        { oldStart: 3, oldEnd: 3, newStart: 3, newEnd: 5 },
        { oldStart: 9, oldEnd: 10, newStart: 11, newEnd: 12 },
        { oldStart: 19, oldEnd: 21, newStart: 21, newEnd: 21 },
      ],
    },
    { path: 'café "x".ts', hunks: [{ oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 1 }] },
  ]);
});

it('finds @spec and [impl->…] tags with their lines', () => {
  expect(scanCommentTags(['// @spec .kiro/specs/a/2.1', 'x', '/* [impl->task~specs/001-x/T003~2] */ // @spec specs/b/T1.', '@spec nothing'])).toEqual([
    { key: '.kiro/specs/a/2.1', line: 1 },
    { key: 'specs/b/T1', line: 3 },
    { key: 'specs/001-x/T003', line: 3 },
  ]);
});

it('splits task keys at the last slash', () => {
  expect(splitTaskKey('.kiro/specs/a/2.1')).toEqual({ specId: '.kiro/specs/a', taskId: '2.1' });
  expect(splitTaskKey('nothing')).toBeNull();
  expect(splitTaskKey('a/')).toBeNull();
});

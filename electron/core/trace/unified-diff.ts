// Parses `git diff/show --unified=0` output into hunks per file (paths as git prints them with
// --relative). Binary files and deletions have no new lines and produce no ranges.
import type { Hunk } from './line-diff';

export interface FileHunks {
  path: string;
  hunks: Hunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseUnifiedDiff(text: string): FileHunks[] {
  const files: FileHunks[] = [];
  let current: FileHunks | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') current = null;
      else {
        current = { path: unquote(target).replace(/^b\//, ''), hunks: [] };
        files.push(current);
      }
      continue;
    }
    const m = current ? HUNK_HEADER.exec(line) : null;
    if (m && current) {
      const oldCount = m[2] === undefined ? 1 : Number(m[2]);
      const newCount = m[4] === undefined ? 1 : Number(m[4]);
      // With zero lines, git gives the line *before* the gap; as a 0-based start that is the number itself.
      const oldStart = oldCount === 0 ? Number(m[1]) : Number(m[1]) - 1;
      const newStart = newCount === 0 ? Number(m[3]) : Number(m[3]) - 1;
      current.hunks.push({ oldStart, oldEnd: oldStart + oldCount, newStart, newEnd: newStart + newCount });
    }
  }
  return files;
}

/** git quotes paths with unusual bytes as C strings: "b/caf\303\251.ts". */
function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

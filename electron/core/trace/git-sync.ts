// Brings the store's commit links in line with `git log`: commits that left the history (a rebase,
// a branch switch) lose their links; new trailer commits get links for the ranges they changed,
// moved to where those lines are in the working tree now.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { hashLines } from './hashes';
import { splitLines } from './line-diff';
import type { LinkStore } from './link-store';
import { readLinkableText } from './file-text';
import { changedRanges, reanchorRange } from './reanchor';
import type { SpecCache } from './task-resolve';
import { gitHead, gitOperation, type GitRunner } from '../git/git-run';
import { commitHunks, fileAtCommit, hunksSinceCommit, readTrailerCommits, renamedSince, splitTaskKey, type TrailerCommit } from './git-trailers';
import { hashBytes } from '../workspace/hash';
import { isSpecDocument } from './spec-documents';
import type { Workspace } from '../workspace/workspace';

export interface GitSyncResult {
  repository: boolean;
  /** Task keys whose commit links were added or removed. */
  touched: Set<string>;
  paths: Set<string>;
}

/**
 * `settle(path)` applies a pending outside change of a file to its links first (the file may have
 * changed since its snapshot, e.g. by a checkout), so new links and old ones share one position.
 */
export async function syncGitLinks(ws: Workspace, store: LinkStore, specs: SpecCache, settle: (rel: string) => Promise<void>): Promise<GitSyncResult> {
  const root = ws.root;
  const touched = new Set<string>();
  const paths = new Set<string>();
  const head = await gitHead(root);
  if (head === null) return { repository: false, touched, paths };
  if (store.meta('git_head') === head) return { repository: true, touched, paths };

  const commits = await readTrailerCommits(root);
  const inHistory = new Set(commits.map((c) => c.sha));
  const known = store.importedCommits();
  store.transaction(() => {
    for (const sha of known) {
      if (inHistory.has(sha)) continue;
      for (const link of store.db.prepare('SELECT spec_id, task_id, path FROM links WHERE commit_sha = ?').all(sha) as { spec_id: string; task_id: string; path: string }[]) {
        touched.add(`${link.spec_id}/${link.task_id}`);
        paths.add(link.path);
      }
      store.dropCommit(sha);
    }
  });
  // Oldest first, so later commits' links are made after earlier ones'.
  const git = gitOperation(root); // one filter-driver lookup for the working-tree diffs of all of them
  for (const commit of commits.filter((c) => !known.has(c.sha)).reverse()) {
    await importCommit(ws, store, specs, commit, touched, paths, settle, git);
  }
  store.setMeta('git_head', head);
  return { repository: true, touched, paths };
}

async function importCommit(
  ws: Workspace,
  store: LinkStore,
  specs: SpecCache,
  commit: TrailerCommit,
  touched: Set<string>,
  paths: Set<string>,
  settle: (rel: string) => Promise<void>,
  git: GitRunner,
): Promise<void> {
  const root = ws.root;
  const files = (await commitHunks(root, commit.sha)).filter((f) => !isSpecDocument(f.path) && changedRanges(f.hunks).length > 0);
  // A file renamed since the commit keeps its links under its new name.
  // Only asked when a file of the commit is not where it was (the common case costs no git call).
  const moved = files.some((f) => !existsSync(path.join(root, f.path)));
  const renames = moved ? await renamedSince(root, commit.sha, git) : new Map<string, string>();
  const now = (p: string) => renames.get(p) ?? p;
  for (const file of files) await settle(now(file.path));
  const sincePaths = files.flatMap((f) => (renames.has(f.path) ? [f.path, now(f.path)] : [f.path]));
  const since = files.length > 0 ? await hunksSinceCommit(root, commit.sha, sincePaths, renames.size > 0, git) : new Map();
  const prepared: Array<{ path: string; text: string; rows: Array<{ start: number; end: number; codeHash: string }> }> = [];
  for (const file of files) {
    const current = now(file.path);
    const text = await readLinkableText(ws, current);
    if (text === null) continue; // deleted since, binary or huge: nothing to link
    const currentLines = splitLines(text);
    const later = since.get(current)?.hunks ?? [];
    const atCommit = later.length > 0 || current !== file.path ? await fileAtCommit(root, commit.sha, file.path) : text;
    if (atCommit === null) continue;
    const thenLines = later.length > 0 || current !== file.path ? splitLines(atCommit) : currentLines;
    const rows = changedRanges(file.hunks).flatMap((range) => {
      const moved = reanchorRange(range, later);
      return moved ? [{ start: moved.startLine, end: moved.endLine, codeHash: hashLines(thenLines, range.startLine, range.endLine) }] : [];
    });
    if (rows.length > 0) prepared.push({ path: current, text, rows });
  }
  const stamps = await Promise.all(
    commit.keys.map(async (key) => {
      const split = splitTaskKey(key);
      return split ? { ...split, stamp: await specs.stamp(split.specId, split.taskId, '') } : null;
    }),
  );
  store.transaction(() => {
    // Another process (a second window, the CLI) may have imported it meanwhile.
    if (store.db.prepare('SELECT 1 FROM commits WHERE sha = ?').get(commit.sha)) return;
    for (const target of stamps) {
      if (!target) continue;
      const taskId = target.stamp?.task.id ?? target.taskId;
      for (const file of prepared) {
        for (const row of file.rows) {
          store.insert({
            source: 'commit',
            spec_id: target.specId,
            task_id: taskId,
            task_title: target.stamp?.task.title ?? '',
            path: file.path,
            start_line: row.start,
            end_line: row.end,
            code_hash: row.codeHash,
            task_hash: target.stamp?.taskHash ?? '',
            req_hash: target.stamp?.reqHash ?? '',
            commit_sha: commit.sha,
            created_at: commit.time,
          });
          // The commit now carries this work: the task's uncommitted edit links there are superseded.
          store.db
            .prepare("DELETE FROM links WHERE source = 'edit' AND spec_id = ? AND task_id = ? AND path = ? AND start_line <= ? AND end_line >= ?")
            .run(target.specId, taskId, file.path, row.end, row.start);
        }
        paths.add(file.path);
      }
      touched.add(`${target.specId}/${taskId}`);
    }
    for (const file of prepared) {
      if (!store.snapshot(file.path)) store.setSnapshot(file.path, hashBytes(Buffer.from(file.text, 'utf8')), file.text);
    }
    store.markCommit(commit.sha);
  });
}

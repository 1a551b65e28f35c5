// Applies one change of a file's text to its links: re-anchors every link by the diff, ends links
// whose lines were all deleted, records the changed ranges for the active task (merging with its
// adjoining edit links), and reconciles the comment-tag links. Runs inside a store transaction.
import { hashLines } from './hashes';
import { diffLines, splitLines } from './line-diff';
import type { LinkRow, LinkStore } from './link-store';
import { changedRanges, reanchorRange, type LineRange } from './reanchor';
import type { CommentTag } from './comment-tags';
import type { TaskStamp } from './task-resolve';
import { hashBytes } from '../workspace/hash';

export interface ChangeInput {
  path: string;
  oldText: string;
  newText: string;
  /** Link the changed ranges to this task (a save in Specdeck while it is active). */
  active: { specId: string; taskId: string; stamp: TaskStamp } | null;
  /** Tags found in the new text, each with its task resolved (null: no such task, orphaned). */
  tags: ReadonlyArray<CommentTag & { stamp: TaskStamp | null }>;
  now: string;
  /**
   * The text the save replaced, when it differs from `oldText` (another process re-anchored this
   * change first): the active task's ranges come from this diff, re-anchoring from `oldText`'s.
   */
  savedFrom?: string;
}

/** Returns the task keys whose links changed. */
export function applyChange(store: LinkStore, input: ChangeInput): Set<string> {
  const touched = new Set<string>();
  const key = (l: { spec_id: string; task_id: string }) => `${l.spec_id}/${l.task_id}`;
  const newLines = splitLines(input.newText);
  const hunks = input.oldText === input.newText ? [] : diffLines(splitLines(input.oldText), newLines);

  const links: LinkRow[] = [];
  for (const link of store.byPath(input.path)) {
    const moved = reanchorRange({ startLine: link.start_line, endLine: link.end_line }, hunks);
    if (moved === null) {
      store.delete(link.id); // the code is gone: the link ends with it
      touched.add(key(link));
      continue;
    }
    if (moved.startLine !== link.start_line || moved.endLine !== link.end_line) {
      store.update(link.id, { start_line: moved.startLine, end_line: moved.endLine });
      touched.add(key(link));
    }
    links.push({ ...link, start_line: moved.startLine, end_line: moved.endLine });
  }

  if (input.active) {
    const { specId, taskId, stamp } = input.active;
    let own = links.filter((l) => l.source === 'edit' && l.spec_id === specId && l.task_id === taskId);
    const saved = input.savedFrom === undefined || input.savedFrom === input.oldText ? hunks : diffLines(splitLines(input.savedFrom), newLines);
    for (const range of changedRanges(saved)) {
      const merged: LineRange = { ...range };
      const adjoining = own.filter((l) => l.start_line <= range.endLine + 1 && l.end_line >= range.startLine - 1);
      for (const l of adjoining) {
        merged.startLine = Math.min(merged.startLine, l.start_line);
        merged.endLine = Math.max(merged.endLine, l.end_line);
      }
      const fields = {
        start_line: merged.startLine,
        end_line: merged.endLine,
        code_hash: hashLines(newLines, merged.startLine, merged.endLine),
        task_hash: stamp.taskHash,
        req_hash: stamp.reqHash,
        task_title: stamp.task.title,
      };
      const [keep, ...rest] = adjoining;
      for (const l of rest) store.delete(l.id);
      if (keep) {
        store.update(keep.id, fields);
        own = own.filter((l) => !rest.includes(l)).map((l) => (l === keep ? { ...l, ...fields } : l));
      } else {
        const id = store.insert({ source: 'edit', spec_id: specId, task_id: taskId, path: input.path, commit_sha: null, created_at: input.now, ...fields });
        own.push({ id, source: 'edit', spec_id: specId, task_id: taskId, path: input.path, commit_sha: null, created_at: input.now, ...fields });
      }
      touched.add(`${specId}/${taskId}`);
    }
  }

  // Comment tags: keep a link whose tag is still on its (re-anchored) line, add new tags, end the rest.
  const comments = links.filter((l) => l.source === 'comment');
  const unmatched = new Set(comments);
  for (const tag of input.tags) {
    const found = comments.find((l) => unmatched.has(l) && tagKey(l) === tag.key && l.start_line === tag.line);
    if (found) {
      unmatched.delete(found);
      continue;
    }
    const split = splitKey(tag.key);
    store.insert({
      source: 'comment',
      spec_id: split.specId,
      task_id: tag.stamp?.task.id ?? split.taskId,
      task_title: tag.stamp?.task.title ?? '',
      path: input.path,
      start_line: tag.line,
      end_line: tag.line,
      code_hash: hashLines(newLines, tag.line, tag.line),
      task_hash: tag.stamp?.taskHash ?? '',
      req_hash: tag.stamp?.reqHash ?? '',
      commit_sha: null,
      created_at: input.now,
    });
    touched.add(tag.key);
  }
  for (const l of unmatched) {
    store.delete(l.id);
    touched.add(key(l));
  }

  if (store.hasLinks(input.path)) store.setSnapshot(input.path, hashBytes(Buffer.from(input.newText, 'utf8')), input.newText);
  else store.dropSnapshot(input.path);
  return touched;
}

/** The key a comment link was written with (its task may since have been followed to a new ID). */
function tagKey(l: LinkRow): string {
  return `${l.spec_id}/${l.task_id}`;
}

function splitKey(key: string): { specId: string; taskId: string } {
  const at = key.lastIndexOf('/');
  return { specId: key.slice(0, at), taskId: key.slice(at + 1) };
}

// Turns stored links into API links with their state: the stored hashes are compared with the
// current task text, referenced requirements and linked lines (Doorstop's suspect links).
import type { SuspectReason, TraceLink, TraceLinkState } from '../../../shared/api/contract';
import { hashLines } from './hashes';
import { splitLines } from './line-diff';
import type { LinkRow } from './link-store';
import { readLinkableText } from './file-text';
import type { Workspace } from '../workspace/workspace';
import { stampOf, type SpecCache, type TaskStamp } from './task-resolve';

export interface Evaluated {
  link: TraceLink;
  /** Set when the task was found under a new ID (renumbered): the store should follow it. */
  followedTo: string | null;
  stamp: TaskStamp | null;
  /** The linked lines as they are now (null when the file is gone). */
  currentCodeHash: string | null;
}

export class FileLines {
  private readonly files = new Map<string, Promise<string[] | null>>();
  constructor(private readonly ws: Workspace) {}
  get(rel: string): Promise<string[] | null> {
    let lines = this.files.get(rel);
    if (!lines) this.files.set(rel, (lines = readLinkableText(this.ws, rel).then((t) => (t === null ? null : splitLines(t)))));
    return lines;
  }
}

export async function evaluateLink(row: LinkRow, specs: SpecCache, files: FileLines): Promise<Evaluated> {
  let stamp: TaskStamp | null;
  if (row.source === 'comment') {
    // A tag names its task by ID, literally: it does not follow a renumbering (the task text check flags it).
    const spec = await specs.get(row.spec_id);
    const matches = spec?.tasks.filter((t) => t.id === row.task_id) ?? [];
    stamp = spec && matches.length === 1 ? stampOf(spec, matches[0]!) : null;
  } else {
    stamp = await specs.stamp(row.spec_id, row.task_id, row.task_title);
  }
  const lines = await files.get(row.path);
  const currentCodeHash = lines && row.end_line <= lines.length ? hashLines(lines, row.start_line, row.end_line) : null;
  const reasons: SuspectReason[] = [];
  if (stamp) {
    if (stamp.taskHash !== row.task_hash) reasons.push('task-changed');
    if (stamp.reqHash !== row.req_hash) reasons.push('requirement-changed');
  }
  if (currentCodeHash === null) reasons.push('code-deleted');
  else if (currentCodeHash !== row.code_hash) reasons.push('code-changed');
  const state: TraceLinkState = stamp === null ? 'orphaned' : reasons.length > 0 ? 'suspect' : 'linked';
  const taskId = stamp?.task.id ?? row.task_id;
  return {
    link: {
      id: String(row.id),
      source: row.source,
      taskKey: `${row.spec_id}/${taskId}`,
      specId: row.spec_id,
      taskId,
      taskTitle: stamp?.task.title ?? null,
      path: row.path,
      startLine: row.start_line,
      endLine: row.end_line,
      state,
      reasons,
      commit: row.commit_sha,
      createdAt: row.created_at,
    },
    followedTo: stamp && stamp.task.id !== row.task_id ? stamp.task.id : null,
    stamp,
    currentCodeHash,
  };
}

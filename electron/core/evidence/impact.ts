// `specdeck impact <base>..<head>`: what a range of commits did to the specs. For each spec: the
// requirements and tasks whose text changed, the tasks whose linked code or named files changed,
// the links that became suspect (code, task or requirement changed in the range, and the link was
// not made in the range), and requirements that changed while none of their tasks did. Decided
// from git and the files only, so every clone (and CI) gets the same answer.
import type { TraceLink } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { EVIDENCE_VERSION } from '../../../shared/evidence/model';
import { namedFiles } from '../../../shared/evidence/named-files';
import { taskTexts } from '../../../shared/evidence/task-text';
import { parseSpec } from '../../../shared/specs/parse';
import type { Requirement, Spec, Task } from '../../../shared/specs/model';
import { runGit } from '../git/git-run';
import type { SpecService } from '../specs/spec-service';
import { hashTask, referencedRequirementIds } from '../trace/hashes';
import { readTrailerCommits } from '../trace/git-trailers';
import type { Hunk } from '../trace/line-diff';
import { parseUnifiedDiff } from '../trace/unified-diff';
import { readLinkableText } from '../trace/file-text';
import type { Workspace } from '../workspace/workspace';

export interface ChangedFile {
  path: string;
  /** git's letter: A added, M modified, D deleted, R renamed, C copied, T type change. */
  status: string;
  /** For renames and copies. */
  oldPath: string | null;
}

export type ImpactReason = 'linked-code-changed' | 'named-file-changed' | 'named-file-renamed' | 'named-file-deleted' | 'task-changed' | 'requirement-changed' | 'task-added' | 'ticked';

export interface ImpactLink {
  id: string;
  source: TraceLink['source'];
  taskKey: string;
  path: string;
  startLine: number;
  endLine: number;
  reasons: Array<'code-changed' | 'task-changed' | 'requirement-changed'>;
}

export interface ImpactTask {
  taskId: string;
  key: string;
  title: string;
  reasons: ImpactReason[];
  /** For named-file reasons: which files (renames as `old -> new`). */
  files: string[];
}

export interface ImpactRequirement {
  id: string;
  change: 'added' | 'modified' | 'removed';
  /** Tasks (at head) that reference it. */
  taskIds: string[];
  /** None of those tasks changed in the range. */
  tasksUnchanged: boolean;
}

export interface ImpactSpec {
  specId: string;
  /** The spec did not exist at base. */
  added: boolean;
  documents: string[];
  requirements: ImpactRequirement[];
  requirementsChangedWithoutTasks: string[];
  tasks: ImpactTask[];
}

export interface ImpactResult {
  version: number;
  range: string;
  base: string;
  head: string;
  commits: number;
  files: ChangedFile[];
  specs: ImpactSpec[];
  /** Links that became suspect in the range. */
  suspect: ImpactLink[];
  /** Links made by commits in the range (their `Spec-Task:` trailers). */
  newLinks: number;
  /** What limited the answer (head not checked out, shallow history). */
  notes: string[];
}

export interface ImpactDeps {
  ws: Workspace;
  specs: SpecService;
  /** Every link of the workspace, evaluated (positions as in the working tree). */
  links: () => Promise<TraceLink[]>;
}

/** Parses `a..b` or `a...b` (merge base of a and b to b). */
export function parseRange(range: string): { base: string; head: string; symmetric: boolean } {
  const m = /^(.+?)(\.\.\.?)(.*)$/.exec(range);
  if (!m || !m[1]) throw new ApiError('INVALID_ARGUMENT', `range must be <base>..<head> (or <base>...<head>), got ${JSON.stringify(range)}`, 'range');
  return { base: m[1], head: m[3] || 'HEAD', symmetric: m[2] === '...' };
}

async function resolve(root: string, rev: string, shallow: boolean): Promise<string> {
  if (rev.startsWith('-')) throw new ApiError('INVALID_ARGUMENT', `not a revision: ${rev}`, 'range');
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    const hint = shallow ? ' (this is a shallow clone: fetch more history, e.g. `git fetch --unshallow`, or check out with fetch-depth: 0)' : '';
    throw new ApiError('NOT_FOUND', `cannot resolve ${rev} to a commit${hint}`, 'range');
  }
}

export async function computeImpact(deps: ImpactDeps, range: string): Promise<ImpactResult> {
  const root = deps.ws.root;
  const inRepo = await runGit(root, ['rev-parse', '--is-inside-work-tree']).then(
    () => true,
    () => false,
  );
  if (!inRepo) throw new ApiError('INVALID_ARGUMENT', `${root} is not in a git repository: impact needs git history`, 'folder');
  const shallow = (await runGit(root, ['rev-parse', '--is-shallow-repository']).catch(() => 'false')).trim() === 'true';
  const parsed = parseRange(range);
  const headSha = await resolve(root, parsed.head, shallow);
  let baseSha = await resolve(root, parsed.base, shallow);
  if (parsed.symmetric) baseSha = (await runGit(root, ['merge-base', baseSha, headSha]).catch(() => { throw new ApiError('NOT_FOUND', `${parsed.base} and ${parsed.head} have no common ancestor${shallow ? ' in this shallow clone' : ''}`, 'range'); })).trim();
  const notes: string[] = [];
  if (shallow) notes.push('shallow clone: commits before the shallow boundary are not seen');
  const current = (await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')).trim();
  if (current !== headSha) notes.push(`${parsed.head} is not checked out (HEAD is ${current.slice(0, 12) || 'unborn'}): specs and link positions are read from the working tree`);

  const commits = Number((await runGit(root, ['rev-list', '--count', `${baseSha}..${headSha}`, '--', '.'])).trim()) || 0;
  const files = parseNameStatus(await runGit(root, ['diff', '--name-status', '-M', '--relative', '-z', baseSha, headSha, '--', '.']));
  const hunks = new Map(parseUnifiedDiff(await runGit(root, ['diff', '--unified=0', '--no-color', '--no-ext-diff', '-M', '--relative', baseSha, headSha, '--', '.'])).map((f) => [f.path, f.hunks]));
  const changed = new Map(files.map((f) => [f.path, f]));
  const renamedFrom = new Map(files.filter((f) => f.oldPath).map((f) => [f.oldPath!, f.path]));
  const deleted = new Set(files.filter((f) => f.status === 'D').map((f) => f.path));

  // Links made in the range are its own work, not suspects.
  const inRange = new Set((await runGit(root, ['rev-list', `${baseSha}..${headSha}`])).split('\n').filter(Boolean));
  const rangeTrailers = (await readTrailerCommits(root)).filter((c) => inRange.has(c.sha)).map((c) => c.sha);
  const madeInRange = new Set(rangeTrailers);

  const allLinks = (await deps.links()).filter((l) => l.state !== 'orphaned');
  const specs: ImpactSpec[] = [];
  const suspect: ImpactLink[] = [];
  for (const spec of await deps.specs.all()) {
    const location = await deps.specs.specLocation(spec.id);
    if (!location) continue;
    const documents = location.files.map((f) => f.path).filter((p) => changed.has(p) || renamedFrom.has(p));
    const baseTexts = new Map<string, string | null>();
    for (const f of location.files) baseTexts.set(f.path, await fileAt(root, baseSha, changed.get(f.path)?.oldPath ?? f.path));
    const added = [...baseTexts.values()].every((t) => t === null);
    const before = added ? null : parseSpec(location, (p) => baseTexts.get(p) ?? null);
    const reqChanges = requirementChanges(before?.requirements ?? [], spec.requirements, added);
    const taskChange = taskChanges(before?.tasks ?? [], spec.tasks);
    const changedReqIds = new Set(reqChanges.map((r) => r.id));
    const headText = spec.tasksFile ? ((await readLinkableText(deps.ws, spec.tasksFile).catch(() => null)) ?? '') : '';
    const texts = taskTexts(headText, spec.tasks);
    const specLinks = allLinks.filter((l) => l.specId === spec.id);
    const tasks: ImpactTask[] = [];
    for (const task of spec.tasks) {
      const reasons = new Set<ImpactReason>();
      const touchedFiles: string[] = [];
      const change = taskChange.get(task.id);
      if (change === 'added') reasons.add('task-added');
      if (change === 'changed') reasons.add('task-changed');
      if (change === 'ticked') reasons.add('ticked');
      const reqIds = referencedRequirementIds(spec, task);
      const reqChanged = reqIds.some((id) => changedReqIds.has(id) || changedReqIds.has(parentId(spec, id) ?? ''));
      if (reqChanged) reasons.add('requirement-changed');
      for (const named of namedFiles(texts.get(task.id) ?? task.title)) {
        const candidates = [named, `${spec.folder}/${named}`];
        const hit = candidates.find((c) => changed.has(c) || renamedFrom.has(c) || deleted.has(c));
        if (!hit) continue;
        if (renamedFrom.has(hit)) {
          reasons.add('named-file-renamed');
          touchedFiles.push(`${hit} -> ${renamedFrom.get(hit)}`);
        } else if (deleted.has(hit)) {
          reasons.add('named-file-deleted');
          touchedFiles.push(hit);
        } else {
          reasons.add('named-file-changed');
          touchedFiles.push(hit);
        }
      }
      for (const link of specLinks.filter((l) => l.taskId === task.id)) {
        if (link.commit && madeInRange.has(link.commit)) continue;
        const why: ImpactLink['reasons'] = [];
        const fileHunks = hunks.get(link.path);
        // A comment link is its tag line: a tag written or rewritten in the range is a new link, not changed code.
        if (link.source !== 'comment' && fileHunks && overlaps(fileHunks, link.startLine, link.endLine)) why.push('code-changed');
        if (change === 'changed') why.push('task-changed');
        if (reqChanged) why.push('requirement-changed');
        if (why.includes('code-changed')) reasons.add('linked-code-changed');
        if (why.length > 0) suspect.push({ id: link.id, source: link.source, taskKey: link.taskKey, path: link.path, startLine: link.startLine, endLine: link.endLine, reasons: why });
      }
      if (reasons.size > 0) tasks.push({ taskId: task.id, key: `${spec.id}/${task.id}`, title: task.title, reasons: [...reasons], files: touchedFiles });
    }
    const changedTaskIds = new Set([...taskChange].filter(([, c]) => c === 'changed' || c === 'added').map(([id]) => id));
    const requirements = reqChanges.map((r) => {
      const taskIds = spec.tasks.filter((t) => referencedRequirementIds(spec, t).some((id) => id === r.id || parentId(spec, id) === r.id || parentId(spec, r.id) === id)).map((t) => t.id);
      return { id: r.id, change: r.change, taskIds, tasksUnchanged: !taskIds.some((id) => changedTaskIds.has(id)) };
    });
    const withoutTasks = requirements.filter((r) => r.change !== 'removed' && r.tasksUnchanged).map((r) => r.id);
    if (documents.length > 0 || tasks.length > 0 || requirements.length > 0) {
      specs.push({ specId: spec.id, added, documents, requirements, requirementsChangedWithoutTasks: withoutTasks, tasks });
    }
  }
  return { version: EVIDENCE_VERSION, range, base: baseSha, head: headSha, commits, files, specs, suspect, newLinks: allLinks.filter((l) => l.commit && madeInRange.has(l.commit)).length, notes };
}

function parseNameStatus(out: string): ChangedFile[] {
  const parts = out.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++];
    if (!status) continue;
    const letter = status[0]!;
    if (letter === 'R' || letter === 'C') {
      const oldPath = parts[i++]!;
      files.push({ status: letter, oldPath, path: parts[i++]! });
    } else files.push({ status: letter, oldPath: null, path: parts[i++]! });
  }
  return files;
}

async function fileAt(root: string, sha: string, rel: string): Promise<string | null> {
  try {
    return await runGit(root, ['show', `${sha}:./${rel}`]);
  } catch {
    return null;
  }
}

function parentId(spec: Spec, id: string): string | null {
  return spec.requirements.find((r) => r.id === id)?.parentId ?? null;
}

function requirementChanges(before: readonly Requirement[], after: readonly Requirement[], specAdded: boolean): Array<{ id: string; change: ImpactRequirement['change'] }> {
  const old = new Map(before.map((r) => [r.id, `${r.title}\0${r.text}`]));
  const now = new Map(after.map((r) => [r.id, `${r.title}\0${r.text}`]));
  const out: Array<{ id: string; change: ImpactRequirement['change'] }> = [];
  for (const [id, text] of now) {
    if (!old.has(id)) out.push({ id, change: 'added' });
    else if (old.get(id) !== text) out.push({ id, change: 'modified' });
  }
  if (!specAdded) for (const id of old.keys()) if (!now.has(id)) out.push({ id, change: 'removed' });
  return out;
}

/** Per task ID: `added`, `changed` (title or references), or `ticked` (only the state changed). */
function taskChanges(before: readonly Task[], after: readonly Task[]): Map<string, 'added' | 'changed' | 'ticked'> {
  const old = new Map(before.map((t) => [t.id, t]));
  const out = new Map<string, 'added' | 'changed' | 'ticked'>();
  for (const t of after) {
    const prev = old.get(t.id);
    if (!prev) out.set(t.id, 'added');
    else if (hashTask(prev) !== hashTask(t)) out.set(t.id, 'changed');
    else if (prev.state !== t.state) out.set(t.id, 'ticked');
  }
  return out;
}

/** Whether new-side hunks touch lines [start, end] (1-based); a pure deletion touches its neighbours. */
function overlaps(hunks: readonly Hunk[], start: number, end: number): boolean {
  return hunks.some((h) => (h.newEnd > h.newStart ? h.newStart < end && h.newEnd >= start : h.newStart >= start - 1 && h.newStart <= end));
}

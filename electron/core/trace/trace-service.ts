// Traceability for one workspace: the active task, links recorded on save, re-anchored on outside
// changes, read from comment tags and git trailers, and evaluated (linked / suspect / orphaned).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ActiveTask, ApiEvent, ApiEvents, SpecWithSource, TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { SerialQueue } from '../../../shared/async/serial-queue';
import type { SpecService } from '../specs/spec-service';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { walkFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';
import { applyChange } from './apply-change';
import { mayHaveTags, scanCommentTags } from './comment-tags';
import { evaluateLink, FileLines, type Evaluated } from './evaluate-links';
import { linkableFromBytes, linkableText, readLinkableText, scanLinkableTexts } from './file-text';
import { syncGitLinks } from './git-sync';
import { hashLines } from './hashes';
import { splitLines } from './line-diff';
import { LinkStore, traceDbPath, type LinkRow } from './link-store';
import { buildSpecReport } from './spec-report';
import { TRAILER_KEY } from './git-trailers';
import { installCommitHook } from './commit-hook';
import { resolveTask, SpecCache } from './task-resolve';
import { isSpecDocument } from './spec-documents';
import path from 'node:path';
import { marksInProgress } from '../../../shared/specs/formats/registry';

type Emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export class TraceService {
  private scanned = false;
  private git = false;
  private readonly refreshing = new SerialQueue();

  private constructor(
    private readonly ws: Workspace,
    private readonly rules: IgnoreRules,
    private readonly specs: SpecService,
    readonly store: LinkStore,
    private readonly emit: Emit,
    private readonly listFiles: () => Promise<string[]> = () => walkFiles(ws.root, rules),
  ) {}

  static open(ws: Workspace, rules: IgnoreRules, specs: SpecService, emit: Emit, env: NodeJS.ProcessEnv = process.env): TraceService {
    return new TraceService(ws, rules, specs, LinkStore.open(traceDbPath(ws.root, env)), emit);
  }

  /**
   * A service over a store at `dbPath` (evidence on a fresh clone uses a throw-away one); `listFiles`
   * gives the workspace's files (evidence shares one walk with its test scan).
   */
  static openAt(ws: Workspace, rules: IgnoreRules, specs: SpecService, emit: Emit, dbPath: string, listFiles?: () => Promise<string[]>): TraceService {
    return new TraceService(ws, rules, specs, LinkStore.open(dbPath), emit, listFiles);
  }

  /** True when this workspace already has a link store (commands that only read open it then). */
  static exists(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
    return existsSync(traceDbPath(root, env));
  }

  close(): void {
    this.store.close();
  }

  // --- the active task ---

  async active(): Promise<ActiveTask | null> {
    const row = this.store.active();
    if (!row) return null;
    const spec = await new SpecCache(this.specs).get(row.spec_id);
    const task = spec ? resolveTask(spec, row.task_id, row.title) : null;
    const taskId = task?.id ?? row.task_id;
    return { specId: row.spec_id, taskId, key: `${row.spec_id}/${taskId}`, title: task?.title ?? row.title, startedAt: row.started_at, inFile: row.in_file === 1 };
  }

  async start(specId: string, taskId: string, expectedHash: string): Promise<{ active: ActiveTask; spec: SpecWithSource }> {
    const current = await this.specs.get(specId);
    const task = current.spec.tasks.find((t) => t.id === taskId);
    if (!task) throw new ApiError('NOT_FOUND', `No task ${taskId} in ${specId}`, 'taskId');
    if (current.tasksHash !== expectedHash) throw new ApiError('CONFLICT', `${current.spec.tasksFile ?? specId} changed on disk since it was read; re-read it`);
    const previous = this.store.active();
    if (previous && !(previous.spec_id === specId && previous.task_id === taskId)) await this.stop(false);
    let spec = await this.specs.get(specId);
    // A task without a checkbox (a heading task) and a read-only reference have nothing to mark.
    const markInFile = marksInProgress(spec.spec.format) && task.state === 'todo' && task.checkbox !== false && !spec.spec.readOnly;
    if (markInFile) spec = await this.specs.setTaskState(specId, taskId, 'in-progress', spec.tasksHash ?? expectedHash);
    const keepInFile = previous?.spec_id === specId && previous.task_id === taskId ? previous.in_file === 1 : false;
    this.store.setActive({ spec_id: specId, task_id: taskId, title: task.title, started_at: new Date().toISOString(), in_file: markInFile || keepInFile ? 1 : 0 });
    const active = (await this.active())!;
    this.emit('trace.activeChanged', { active });
    return { active, spec };
  }

  /** Ends the active task: done when `complete`, else back to todo if Specdeck marked it in progress. */
  async stop(complete: boolean, expectedHash?: string): Promise<{ spec: SpecWithSource | null }> {
    const row = this.store.active();
    if (!row) return { spec: null };
    let spec: SpecWithSource | null = null;
    try {
      spec = await this.specs.get(row.spec_id);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'NOT_FOUND')) throw error;
    }
    const task = spec ? resolveTask(spec.spec, row.task_id, row.title) : null;
    if (spec && task && spec.tasksHash && task.checkbox !== false && !spec.spec.readOnly) {
      const hash = expectedHash ?? spec.tasksHash;
      if (complete && task.state !== 'done') spec = await this.specs.setTaskState(row.spec_id, task.id, 'done', hash);
      else if (!complete && row.in_file === 1 && task.state === 'in-progress') spec = await this.specs.setTaskState(row.spec_id, task.id, 'todo', hash);
    }
    this.store.setActive(null);
    this.emit('trace.activeChanged', { active: null });
    return { spec };
  }

  async trailer(): Promise<string | null> {
    const active = await this.active();
    return active ? `${TRAILER_KEY}: ${active.key}` : null;
  }

  installHook(specdeckCommand?: string) {
    return installCommitHook(this.ws.root, specdeckCommand);
  }

  // --- recording and re-anchoring ---

  /** The text a save is diffed against: the last linked text, else the file before the write. */
  textBeforeSave(rel: string, current: { bytes: Uint8Array } | null): string | null {
    const snapshot = this.store.snapshot(rel);
    if (snapshot) return snapshot.content;
    if (!this.store.active()) return null;
    // From the bytes the save read: a missing file is new (everything in it is added), an unlinkable one gives null.
    return current === null ? '' : linkableFromBytes(current.bytes);
  }

  /** After a save in Specdeck: re-anchor, and link the changed lines to the active task. */
  async onSaved(rel: string, before: string | null, after: string): Promise<void> {
    const row = this.store.active();
    if (!linkableText(after)) return; // huge or binary: never linked; existing links turn suspect
    if (before === null && !row) {
      // A file with no links and no active task: only new comment tags matter.
      if (mayHaveTags(after)) await this.apply(rel, after, after, null);
      return;
    }
    const stamp = row ? await new SpecCache(this.specs).stamp(row.spec_id, row.task_id, row.title) : null;
    const active = row && stamp ? { specId: row.spec_id, taskId: stamp.task.id, stamp } : null;
    await this.apply(rel, before ?? '', after, active);
  }

  /** Outside changes (another editor, git checkout): re-anchor links of the changed files. */
  async onExternalChanges(paths: readonly string[]): Promise<void> {
    await this.reanchorFiles(paths);
    if (this.scanned) await this.refresh(); // a checkout or rebase also moved HEAD
  }

  private async reanchorFiles(paths: readonly string[], moveTargets: readonly string[] = paths): Promise<void> {
    await this.followMoves(paths, moveTargets);
    for (const rel of paths) {
      const snapshot = this.store.snapshot(rel);
      const text = await readLinkableText(this.ws, rel);
      if (text === null) {
        if (snapshot && !(await this.ws.exists(rel))) this.endFile(rel);
        continue;
      }
      if (snapshot ? snapshot.content === text : !mayHaveTags(text)) continue;
      await this.apply(rel, snapshot?.content ?? text, text, null);
    }
  }

  /**
   * A linked file that is gone while a file with exactly its last linked text appeared (a rename
   * or move outside git, or a `git mv` seen by the watcher): its links and snapshot move there.
   * A rename with edits is not recognised (its links end with the old file).
   */
  private async followMoves(paths: readonly string[], targets: readonly string[]): Promise<void> {
    const gone: string[] = [];
    for (const rel of paths) if (this.store.snapshot(rel) !== null && !(await this.ws.exists(rel))) gone.push(rel);
    if (gone.length === 0) return;
    const taken = new Set<string>();
    for (const rel of gone) {
      const snapshot = this.store.snapshot(rel)!;
      const size = Buffer.byteLength(snapshot.content, 'utf8');
      for (const target of targets) {
        if (target === rel || taken.has(target) || this.store.snapshot(target) !== null || this.store.hasLinks(target)) continue;
        const info = await stat(path.join(this.ws.root, target)).catch(() => null);
        if (!info?.isFile() || info.size !== size) continue;
        if ((await readLinkableText(this.ws, target)) !== snapshot.content) continue;
        taken.add(target);
        const keys = this.store.byPath(rel).map((r) => `${r.spec_id}/${r.task_id}`);
        this.store.transaction(() => {
          this.store.db.prepare('UPDATE links SET path = ? WHERE path = ?').run(target, rel);
          this.store.setSnapshot(target, snapshot.hash, snapshot.content);
          this.store.dropSnapshot(rel);
        });
        if (keys.length > 0) this.emit('trace.changed', { taskKeys: [...new Set(keys)], paths: [rel, target] });
        break;
      }
    }
  }

  private async apply(rel: string, before: string, after: string, active: Parameters<typeof applyChange>[1]['active']): Promise<void> {
    // Spec documents are what links point from: their edits link no code, their tags are examples.
    if (isSpecDocument(rel)) return;
    const specs = new SpecCache(this.specs);
    const tags = mayHaveTags(after)
      ? await Promise.all(scanCommentTags(splitLines(after)).map(async (t) => ({ ...t, stamp: await stampForKey(specs, t.key) })))
      : [];
    const touched = this.store.transaction(() => {
      // Another process may have applied this change already: diff against the stored text then.
      const snapshot = this.store.snapshot(rel);
      const from = snapshot ? snapshot.content : before;
      return applyChange(this.store, { path: rel, oldText: from, newText: after, active, tags, now: new Date().toISOString(), savedFrom: before });
    });
    if (touched.size > 0) this.emit('trace.changed', { taskKeys: [...touched], paths: [rel] });
  }

  private endFile(rel: string): void {
    const rows = this.store.byPath(rel);
    this.store.transaction(() => {
      for (const r of rows) this.store.delete(r.id);
      this.store.dropSnapshot(rel);
    });
    if (rows.length > 0) this.emit('trace.changed', { taskKeys: [...new Set(rows.map((r) => `${r.spec_id}/${r.task_id}`))], paths: [rel] });
  }

  /**
   * Brings the store up to date with what happened while it was not watching: commit trailers
   * (when HEAD moved), comment tags, and files changed since their snapshot. Once per session;
   * afterwards saves and the watcher keep it current.
   */
  refresh(): Promise<void> {
    // One at a time: concurrent calls (the UI asks for a report and file links at once) would
    // otherwise import the same commits twice.
    return this.refreshing.run(() => this.refreshNow());
  }

  private async refreshNow(): Promise<void> {
    const specs = new SpecCache(this.specs);
    await this.syncGit(specs);
    if (this.scanned) return;
    this.scanned = true;
    const files = await this.listFiles();
    const candidates = new Set((this.store.db.prepare('SELECT path FROM snapshots UNION SELECT path FROM links').all() as { path: string }[]).map((r) => r.path));
    const unseen = files.filter((rel) => !candidates.has(rel));
    const tagged = await scanLinkableTexts(this.ws, unseen, (_rel, text) => text !== null && mayHaveTags(text));
    unseen.forEach((rel, i) => {
      if (tagged[i]) candidates.add(rel);
    });
    // A file moved while no one watched: look for its text among all files.
    await this.reanchorFiles([...candidates], files);
    // Links in files that are gone (or were never snapshotted) end here.
    for (const rel of candidates) if (!(await this.ws.exists(rel))) this.endFile(rel);
  }

  /** Re-reads commit trailers when HEAD moved (a commit, a checkout, a rebase). */
  private async syncGit(specs = new SpecCache(this.specs)): Promise<void> {
    const git = await syncGitLinks(this.ws, this.store, specs, (rel) => this.settle(rel));
    this.git = git.repository;
    if (git.touched.size > 0) this.emit('trace.changed', { taskKeys: [...git.touched], paths: [...git.paths] });
  }

  /** Applies an outside change of one file not yet seen (its text differs from the snapshot). */
  private async settle(rel: string): Promise<void> {
    const snapshot = this.store.snapshot(rel);
    if (!snapshot) return;
    const text = await readLinkableText(this.ws, rel);
    if (text !== null && text !== snapshot.content) await this.apply(rel, snapshot.content, text, null);
  }

  get gitRepository(): boolean {
    return this.git;
  }

  // --- reading ---

  private async evaluate(rows: LinkRow[], specs = new SpecCache(this.specs)): Promise<Evaluated[]> {
    const files = new FileLines(this.ws);
    const out: Evaluated[] = [];
    for (const row of rows) out.push(await evaluateLink(row, specs, files));
    const followed = out.filter((e) => e.followedTo !== null);
    if (followed.length > 0) {
      // Renumbered tasks: the store follows the stable key from now on.
      this.store.transaction(() => {
        for (const e of followed) this.store.update(Number(e.link.id), { task_id: e.followedTo! });
      });
    }
    return out;
  }

  async fileLinks(rel: string): Promise<TraceLink[]> {
    await this.refresh();
    return (await this.evaluate(this.store.byPath(rel))).map((e) => e.link);
  }

  async taskLinks(specId: string, taskId: string): Promise<TraceLink[]> {
    await this.refresh();
    const all = await this.evaluate(this.store.bySpec(specId));
    return all.filter((e) => e.link.taskId === taskId).map((e) => e.link);
  }

  async specReport(specId: string): Promise<TraceSpecReport> {
    return (await this.specReports([specId]))[0]!;
  }

  /** Several reports after one refresh (the CLI's whole-workspace views). */
  async specReports(specIds: readonly string[]): Promise<TraceSpecReport[]> {
    await this.refresh();
    const cache = new SpecCache(this.specs);
    const reports: TraceSpecReport[] = [];
    for (const specId of specIds) {
      const { spec } = await this.specs.get(specId);
      const links = (await this.evaluate(this.store.bySpec(specId), cache)).map((e) => e.link);
      reports.push(buildSpecReport(spec, links, this.git));
    }
    return reports;
  }

  /** Every link of the workspace, evaluated (for `specdeck check` and `trace` without --spec). */
  async allLinks(): Promise<TraceLink[]> {
    await this.refresh();
    return (await this.evaluate(this.store.all())).map((e) => e.link);
  }

  /** Re-stamps reviewed links with the current hashes; orphaned links stay orphaned. */
  async accept(ids: readonly string[]): Promise<TraceLink[]> {
    const rows = this.store.byIds(ids.map(Number).filter(Number.isInteger));
    const evaluated = await this.evaluate(rows);
    const files = new FileLines(this.ws);
    const accepted: Array<{ id: number; fields: Partial<LinkRow> }> = [];
    for (const e of evaluated) {
      if (!e.stamp) continue;
      const lines = await files.get(e.link.path);
      if (!lines || e.link.endLine > lines.length) continue; // the code is gone: nothing to accept
      accepted.push({
        id: Number(e.link.id),
        fields: { code_hash: hashLines(lines, e.link.startLine, e.link.endLine), task_hash: e.stamp.taskHash, req_hash: e.stamp.reqHash, task_title: e.stamp.task.title, task_id: e.stamp.task.id },
      });
    }
    this.store.transaction(() => {
      for (const a of accepted) this.store.update(a.id, a.fields);
    });
    const result = (await this.evaluate(this.store.byIds(evaluated.map((e) => Number(e.link.id))))).map((e) => e.link);
    if (result.length > 0) this.emit('trace.changed', { taskKeys: [...new Set(result.map((l) => l.taskKey))], paths: [...new Set(result.map((l) => l.path))] });
    return result;
  }
}

async function stampForKey(specs: SpecCache, key: string) {
  const at = key.lastIndexOf('/');
  if (at <= 0) return null;
  const spec = await specs.get(key.slice(0, at));
  const matches = spec?.tasks.filter((t) => t.id === key.slice(at + 1)) ?? [];
  if (!spec || matches.length !== 1) return null;
  return (await specs.stamp(spec.id, matches[0]!.id, matches[0]!.title))!;
}

// Evidence per task, gathered from what a fresh clone also has: links (comment tags from the files,
// commit links from `Spec-Task:` trailers, plus this machine's edit links when it has a link
// store), the files the task names and their git history up to the commit that ticked it, and
// the tests that cite the task, its requirements or its properties. The decisions are in
// shared/evidence/evaluate.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import { isTestPath, mayCite, scanCitations, type FileCitations } from '../../../shared/evidence/citations';
import { evidenceCount, evidenceStatus, requirementVerdict } from '../../../shared/evidence/evaluate';
import { matchCases, outcomeOf, type JunitCase } from '../../../shared/evidence/junit';
import { EVIDENCE_VERSION, type CitingTest, type EvidenceLink, type NamedFile, type SpecEvidence, type TaskEvidence, type TickCommit } from '../../../shared/evidence/model';
import { namedFiles } from '../../../shared/evidence/named-files';
import { taskTexts } from '../../../shared/evidence/task-text';
import type { Spec } from '../../../shared/specs/model';
import type { SpecService } from '../specs/spec-service';
import { readLinkableText, scanLinkableTexts } from '../trace/file-text';
import { isSpecDocument } from '../trace/spec-documents';
import { TraceService } from '../trace/trace-service';
import { walkFiles } from '../workspace/walk';
import type { IgnoreRules } from '../workspace/ignore-rules';
import type { Workspace } from '../workspace/workspace';
import { createHash } from 'node:crypto';
import { gitHead, gitOperation, type GitRunner } from '../git/git-run';
import { blameFile, readDirty, readGitFacts, type BlameLine, type GitFacts } from './git-facts';
import { computeImpact, type ImpactResult } from './impact';

export interface EvidenceOptions {
  /** Parsed JUnit cases; null when no results were given (then nothing is ever `verified`). */
  junit?: JunitCase[] | null;
}

export interface EvidenceDeps {
  ws: Workspace;
  rules: IgnoreRules;
  specs: SpecService;
  /** The workspace's link store when it has one (this machine's edit links), else null. */
  traceIfPresent: () => TraceService | null;
  /** The workspace's files when the session already walked them once for the whole command. */
  listFiles?: () => Promise<string[]>;
}

export interface EvidenceRun {
  evidence: SpecEvidence[];
  reports: TraceSpecReport[];
  git: GitFacts;
}

/** Blames run a few at a time: each is a git process mostly waiting on history. */
const BLAME_CONCURRENCY = 4;

export class EvidenceService {
  /**
   * The history read for HEAD (commits and their files) and the blames of tasks files, kept while
   * HEAD and the file's text stay the same: the UI asks again after every tick, and a long history
   * is read once. The working tree's state (git status) is read on every call.
   */
  private history: { head: string | null; facts: GitFacts } | null = null;
  private readonly blames = new Map<string, Map<number, BlameLine> | null>();
  private scratch: { dir: string; trace: TraceService } | null = null;
  /** The workspace's files, walked once per run: the link rebuild and the test scan share it. */
  private runFiles: Promise<string[]> | null = null;

  constructor(private readonly deps: EvidenceDeps) {}

  /** Evidence of these specs, after one read of git and of the test files. */
  forSpecs(specIds: readonly string[], options: EvidenceOptions = {}): Promise<EvidenceRun> {
    return this.run(() => this.forSpecsNow(specIds, options));
  }

  /** One walk of the workspace per run (a new run sees the tree as it is now), dropped after it. */
  private async run<T>(body: () => Promise<T>): Promise<T> {
    this.runFiles = null;
    try {
      return await body();
    } finally {
      this.runFiles = null;
    }
  }

  private files(): Promise<string[]> {
    return (this.runFiles ??= this.deps.listFiles?.() ?? walkFiles(this.deps.ws.root, this.deps.rules));
  }

  private async forSpecsNow(specIds: readonly string[], options: EvidenceOptions): Promise<EvidenceRun> {
    const git = await this.gitFacts();
    const reports = await this.traceReports(specIds);
    const specs: Spec[] = [];
    for (const id of specIds) specs.push((await this.deps.specs.get(id)).spec);
    const tests = await this.scanTests();
    const texts = new Map<string, string>();
    for (const spec of specs) if (spec.tasksFile) texts.set(spec.tasksFile, (await readLinkableText(this.deps.ws, spec.tasksFile).catch(() => null)) ?? '');
    await this.blameAll(git, [...texts]);
    const evidence: SpecEvidence[] = [];
    for (const [i, spec] of specs.entries()) evidence.push(this.specEvidence(spec, reports[i]!, git, tests, specs, options.junit ?? null, texts));
    return { evidence, reports, git };
  }

  private async gitFacts(): Promise<GitFacts> {
    const root = this.deps.ws.root;
    const head = await gitHead(root);
    if (head !== null && this.history?.head === head) return { ...this.history.facts, dirty: await readDirty(root) };
    const facts = await readGitFacts(root);
    this.history = { head: facts.head, facts };
    this.blames.clear();
    return facts;
  }

  /**
   * A clean tasks file changed by one commit only needs no blame: every line is that commit's.
   * Otherwise blame walks only from the oldest commit that touched it (lines from it are its).
   */
  private async blame(git: GitFacts, file: string, text: string, run: GitRunner): Promise<Map<number, BlameLine> | null> {
    const touched = git.touches.get(file) ?? [];
    const clean = !git.dirty.has(file);
    if (clean && touched.length === 1 && !git.shallow) {
      const c = git.commits[touched[0]!]!;
      const lines = new Map<number, BlameLine>();
      const count = text.split(/\r?\n/).length;
      for (let i = 1; i <= count; i++) lines.set(i, { sha: c.sha, time: c.time, subject: c.subject, uncommitted: false });
      return lines;
    }
    const oldest = touched.length > 0 && clean && !git.shallow ? git.commits[touched.at(-1)!]!.sha : null;
    return blameFile(this.deps.ws.root, file, oldest, run);
  }

  private async blameAll(git: GitFacts, files: Array<[string, string]>): Promise<void> {
    if (!git.head) return;
    const pending = files.filter(([file, text]) => !this.blames.has(blameKey(git, file, text)));
    const run = gitOperation(this.deps.ws.root); // one filter-driver lookup for all the blames
    const next = async (): Promise<void> => {
      const item = pending.shift();
      if (!item) return;
      this.blames.set(blameKey(git, item[0], item[1]), await this.blame(git, item[0], item[1], run));
      return next();
    };
    await Promise.all(Array.from({ length: Math.min(BLAME_CONCURRENCY, pending.length) }, next));
  }

  /** What a range of commits did to the specs (`specdeck impact`). */
  impact(range: string): Promise<ImpactResult> {
    return this.run(() => computeImpact({ ws: this.deps.ws, specs: this.deps.specs, links: () => this.withTrace((t) => t.allLinks()) }, range));
  }

  private traceReports(specIds: readonly string[]): Promise<TraceSpecReport[]> {
    return this.withTrace((t) => t.specReports(specIds));
  }

  /**
   * The workspace's link store, or a throw-away one rebuilt from git and the files (fresh clone,
   * CI), kept until close() so asking again costs no rebuild.
   */
  private async withTrace<T>(use: (trace: TraceService) => Promise<T>): Promise<T> {
    const existing = this.deps.traceIfPresent();
    if (existing) return use(existing);
    if (!this.scratch) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'specdeck-evidence-'));
      this.scratch = { dir, trace: TraceService.openAt(this.deps.ws, this.deps.rules, this.deps.specs, () => {}, path.join(dir, 'trace.sqlite'), () => this.files()) };
    }
    return use(this.scratch.trace);
  }

  close(): void {
    if (!this.scratch) return;
    this.scratch.trace.close();
    rmSync(this.scratch.dir, { recursive: true, force: true });
    this.scratch = null;
  }

  private async scanTests(): Promise<Map<string, FileCitations>> {
    const { ws } = this.deps;
    const files = (await this.files()).filter((f) => isTestPath(f) && !isSpecDocument(f));
    // Read through the workspace (containment checked); binary, huge, non-UTF-8 and unreadable files give null.
    const scanned = await scanLinkableTexts(ws, files, (_rel, text): FileCitations | null => {
      if (text === null || !mayCite(text)) return null;
      const found = scanCitations(text.split(/\r?\n/));
      return found.citations.length > 0 ? found : null;
    });
    const out = new Map<string, FileCitations>();
    files.forEach((rel, i) => {
      if (scanned[i]) out.set(rel, scanned[i]);
    });
    return out;
  }

  private specEvidence(spec: Spec, report: TraceSpecReport, git: GitFacts, tests: Map<string, FileCitations>, allSpecs: readonly Spec[], junit: JunitCase[] | null, tasksTexts: Map<string, string>): SpecEvidence {
    const { ws } = this.deps;
    const messages: string[] = [];
    if (!git.repository) messages.push('not a git repository: commit links, tick commits and named-file history are unavailable');
    if (git.shallow) messages.push('shallow clone: history before the shallow boundary is missing, so older commits and named-file changes are not seen');
    if (git.repository && git.head === null) messages.push('the repository has no commit yet: all evidence is local');

    const text = spec.tasksFile ? (tasksTexts.get(spec.tasksFile) ?? '') : '';
    const texts = taskTexts(text, spec.tasks);
    const blame = spec.tasksFile && git.head ? (this.blames.get(blameKey(git, spec.tasksFile, text)) ?? null) : null;
    // The spec's first commit bounds "touched since the spec was created".
    const created = oldestCommitUnder(git, spec.folder);
    const committed = (rel: string) => !git.repository || !git.dirty.has(rel);
    const bound = bindCitations(spec, allSpecs, tests, texts);

    const tasks: TaskEvidence[] = [];
    for (const [i, task] of spec.tasks.entries()) {
      const traced = report.tasks[i];
      const links: EvidenceLink[] = [];
      const taskTests: CitingTest[] = [];
      for (const l of traced?.links ?? []) {
        if (l.state === 'orphaned') continue;
        if (l.source === 'comment' && isTestPath(l.path)) {
          taskTests.push(citing(l.path, l.startLine, null, 'task', committed(l.path), junit));
          continue;
        }
        links.push(toEvidenceLink(l, committed));
      }
      const blamed = blame?.get(task.pos.line);
      const tick: TickCommit | null = blamed && !blamed.uncommitted ? { sha: blamed.sha, time: blamed.time, subject: blamed.subject } : null;
      const tickIndex = tick ? (git.index.get(tick.sha) ?? null) : null;
      const named: NamedFile[] = [];
      for (const p of namedFiles(texts.get(task.id) ?? task.title)) named.push(namedFile(ws.root, spec.folder, p, git, created, task.state === 'done' ? tickIndex : null));
      const reqIds = traced?.requirementIds ?? [];
      for (const c of bound) {
        const hit = c.kind === 'requirement' ? reqIds.some((r) => r === c.id || parentOf(spec, c.id) === r) : propertyOf(texts.get(task.id) ?? '', c.id);
        if (hit) taskTests.push(citing(c.path, c.line, c.testName, `${c.kind} ${c.id}`, committed(c.path), junit));
      }
      const parts = { links, namedFiles: named, tests: taskTests };
      tasks.push({
        taskId: task.id,
        key: `${spec.id}/${task.id}`,
        title: task.title,
        taskState: task.state,
        line: task.pos.line,
        requirementIds: reqIds,
        ...parts,
        tick,
        count: evidenceCount(parts),
        status: evidenceStatus(parts),
      });
    }
    const requirements = report.requirements.map((r) => {
      const reqTests = bound.filter((c) => c.kind === 'requirement' && (c.id === r.id || parentOf(spec, c.id) === r.id)).map((c) => citing(c.path, c.line, c.testName, `requirement ${c.id}`, committed(c.path), junit));
      return { id: r.id, title: r.title, taskIds: r.taskIds, tests: reqTests, verdict: requirementVerdict(reqTests, junit !== null) };
    });
    return { version: EVIDENCE_VERSION, specId: spec.id, tasksFile: spec.tasksFile, tasks, requirements, notes: { git: !git.repository ? 'none' : git.shallow ? 'shallow' : 'repository', messages } };
  }
}

/** A blame holds for one HEAD, one file and one text of it (a dirty line blames as uncommitted). */
function blameKey(git: GitFacts, file: string, text: string): string {
  return `${git.head}\0${file}\0${createHash('sha1').update(text).digest('hex')}`;
}

function toEvidenceLink(l: TraceLink, committed: (rel: string) => boolean): EvidenceLink {
  return {
    id: l.id,
    source: l.source,
    path: l.path,
    startLine: l.startLine,
    endLine: l.endLine,
    state: l.state === 'suspect' ? 'suspect' : 'linked',
    commit: l.commit,
    committed: l.source === 'commit' ? true : l.source === 'edit' ? false : committed(l.path),
  };
}

function citing(p: string, line: number, name: string | null, cites: string, committed: boolean, junit: JunitCase[] | null): CitingTest {
  return { path: p, line, name, cites, committed, outcome: junit ? outcomeOf(matchCases(junit, p, name)) : null };
}

function parentOf(spec: Spec, id: string): string | null {
  return spec.requirements.find((r) => r.id === id)?.parentId ?? null;
}

function propertyOf(text: string, n: string): boolean {
  return new RegExp(`\\bProperty\\s+${n}\\b`).test(text);
}

interface BoundCitation {
  path: string;
  line: number;
  testName: string | null;
  kind: 'requirement' | 'property';
  id: string;
}

/**
 * The citations that belong to this spec: from files that name its feature (its folder name), or,
 * in files that name no feature, those only this spec can mean (the one spec with that
 * requirement ID, or naming that property). Ambiguous citations count for no spec.
 */
function bindCitations(spec: Spec, allSpecs: readonly Spec[], tests: Map<string, FileCitations>, texts: Map<string, string>): BoundCitation[] {
  const name = spec.folder.split('/').at(-1)!;
  const names = new Set([name, name.replace(/^\d+-/, ''), spec.id]);
  // Derived once per spec, not once per citation.
  let allText: string | null = null;
  let owners: Map<string, string | null> | null = null;
  const onlySpecWithTasks = allSpecs.filter((s) => s.tasks.length > 0).length === 1;
  const out: BoundCitation[] = [];
  for (const [p, file] of tests) {
    const declared = file.features.length > 0;
    const mine = file.features.some((f) => names.has(f));
    if (declared && !mine) continue;
    for (const c of file.citations) {
      if (!declared) {
        if (c.kind === 'requirement') {
          owners ??= requirementOwners(allSpecs);
          if (owners.get(c.id) !== spec.id) continue;
        } else {
          allText ??= [...texts.values()].join('\n');
          if (!propertyOf(allText, c.id)) continue;
          // Another spec naming the same property makes it ambiguous; only this spec's texts are at hand, so
          // an undeclared property tag counts only when this is the workspace's one spec with tasks.
          if (!onlySpecWithTasks) continue;
        }
      } else if (c.kind === 'requirement' && !spec.requirements.some((r) => r.id === c.id)) continue;
      out.push({ path: p, line: c.line, testName: c.testName, kind: c.kind, id: c.id });
    }
  }
  return out;
}

/** Requirement ID → the one spec that has it (null when several do). */
function requirementOwners(specs: readonly Spec[]): Map<string, string | null> {
  const owners = new Map<string, string | null>();
  for (const s of specs) {
    for (const id of new Set(s.requirements.map((r) => r.id))) owners.set(id, owners.has(id) ? null : s.id);
  }
  return owners;
}

/** Index (in git log order, newest first) of the oldest commit that touched the spec folder. */
function oldestCommitUnder(git: GitFacts, folder: string): number | null {
  const prefix = folder === '' ? '' : folder + '/';
  for (let i = git.commits.length - 1; i >= 0; i--) {
    if (git.commits[i]!.files.some((f) => f.startsWith(prefix))) return i;
  }
  return null;
}

function namedFile(root: string, specFolder: string, named: string, git: GitFacts, created: number | null, tickIndex: number | null): NamedFile {
  // A path is read from the workspace root, else from the spec's folder (`design.md`).
  const candidates = [named, specFolder ? `${specFolder}/${named}` : named];
  const found = candidates.find((c) => existsSync(path.join(root, c)));
  const rel = found ?? named;
  if (!found) return { path: named, exists: false, touched: git.repository ? false : null, touchedLocally: false };
  if (!git.repository) return { path: rel, exists: true, touched: null, touchedLocally: false };
  // Committed changes between the spec's creation and the tick (newest-first indices).
  const upTo = tickIndex ?? 0;
  const from = created ?? git.commits.length - 1;
  // The creation commit itself is not "since": a spec imported with its code in one commit proves nothing.
  const inRange = (list: number[] | undefined) => (list ?? []).some((i) => i >= upTo && i < from);
  const prefix = rel + '/';
  let committedTouch = inRange(git.touches.get(rel));
  if (!committedTouch) {
    // A named folder is touched when a file in it is.
    for (const [p, list] of git.touches) {
      if (p.startsWith(prefix) && inRange(list)) {
        committedTouch = true;
        break;
      }
    }
  }
  const localTouch = tickIndex === null && [...git.dirty].some((d) => d === rel || d.startsWith(prefix));
  return { path: rel, exists: true, touched: committedTouch || localTouch, touchedLocally: !committedTouch && localTouch };
}

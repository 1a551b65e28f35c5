// Builds the Spec model for a located spec from its documents' text. Never throws on content:
// whatever cannot be read becomes a diagnostic.
import type { Diagnostic, Requirement, Spec, SpecSummary, Task, TaskRef } from './model';
import type { SpecLocation } from './detect';
import { parseTasks } from './tasks-markdown';
import { formatOf, kindOf } from './formats/registry';
import { checkReferences } from './diagnostics/references';
import { checkCoverage, computeCoverage } from './diagnostics/coverage';
import { checkDuplicates } from './diagnostics/duplicates';
import { checkParentStates } from './diagnostics/task-states';
import { buildDependencies } from './task-deps';
import { DEFAULT_SETTINGS, statesFor, type SpecdeckSettings } from './settings';
import { readOpenSpecConfig } from './parsers/openspec-yaml';

type Read = (path: string) => string | null;

export interface ParseOptions {
  /** The repository's `.specdeck/settings.json` (how state characters read). */
  settings?: SpecdeckSettings;
}

/** `read` returns a document's text, or null when it cannot be read. */
export function parseSpec(location: SpecLocation, read: Read, options: ParseOptions = {}): Spec {
  const diagnostics: Diagnostic[] = [];
  const docText = (path: string): string | null => {
    const text = read(path);
    if (text === null) {
      diagnostics.push({ severity: 'warning', code: 'document-unreadable', message: `${path} could not be read`, pos: { file: path, line: 1, column: 1 } });
      return null;
    }
    checkText(text, path, diagnostics);
    return text;
  };
  const doc = (kind: string) => location.files.find((f) => f.kind === kind);
  const descriptor = formatOf(location.format);
  const tasksDoc = doc('tasks');
  let tasks: Task[] = [];
  let dependencies: Spec['dependencies'] = null;
  if (tasksDoc) {
    const text = docText(tasksDoc.path);
    if (text !== null) {
      const states = statesFor(options.settings ?? DEFAULT_SETTINGS, location.format);
      const parsed = parseTasks(text, tasksDoc.path, descriptor?.tasks.dialect ?? location.format, { states });
      tasks = parsed.tasks;
      diagnostics.push(...parsed.diagnostics);
      if (tasks.length > 0 || parsed.graph) {
        const deps = buildDependencies(tasks, parsed.graph, tasksDoc.path);
        dependencies = deps.dependencies;
        diagnostics.push(...deps.diagnostics);
      }
    }
  }
  let openspecConfig: Spec['openspecConfig'] = null;
  if (location.openspecRoot !== undefined) {
    // `openspec/config.yaml` is optional: read it quietly (no "unreadable" finding when absent).
    // Its findings belong to the root, not to each spec under it: the core reports them once
    // (`SpecService.workspaceDiagnostics`).
    const configPath = `${location.openspecRoot}/config.yaml`;
    const raw = read(configPath);
    if (raw !== null) {
      const { config } = readOpenSpecConfig(raw, configPath);
      // Each spec gets its own copy: nothing one consumer does to it reaches another spec.
      openspecConfig = { ...config, references: [...config.references] };
    }
  }
  const title = location.folder.slice(location.folder.lastIndexOf('/') + 1);
  // The format's own reading of its requirements (formats/*.ts); a kind no format yields has none.
  const parsed = descriptor?.parseRequirements({ location, doc, docText, read, diagnostics, title }) ?? { requirements: [], hasRequirementsDoc: false };
  const { requirements, hasRequirementsDoc } = parsed;

  if (hasRequirementsDoc) resolveRefPrefixes(tasks, requirements);
  diagnostics.push(...checkDuplicates(tasks, requirements));
  diagnostics.push(...checkParentStates(tasks));
  if (descriptor?.capabilities.checksTaskReferences !== false) {
    diagnostics.push(...checkReferences(tasks, requirements, hasRequirementsDoc));
    if (hasRequirementsDoc) diagnostics.push(...checkCoverage(tasks, requirements));
  }
  return {
    id: location.id,
    format: parsed.format ?? location.format,
    folder: location.folder,
    title: parsed.title ?? title,
    documents: location.files.map((f) => ({ kind: f.kind, path: f.path })),
    requirements,
    tasks,
    diagnostics,
    tasksFile: tasksDoc?.path ?? null,
    config: parsed.config ?? null,
    ...(location.archived ? { archived: true } : {}),
    dependencies,
    ...(parsed.changeMeta !== undefined ? { changeMeta: parsed.changeMeta } : {}),
    ...(openspecConfig ? { openspecConfig } : {}),
  };
}

/**
 * Tasks often write `R13.2` for a requirement headed `Requirement 13` (or `13.2` for `R13`), and
 * `US-1` for a story read as `US1`: resolve such a reference to the ID the requirements document
 * uses. A range across requirements (`1.1 through 23.3`) becomes every requirement between its
 * ends, in document order. `raw` keeps what was written.
 */
function resolveRefPrefixes(tasks: Task[], requirements: readonly Requirement[]): void {
  if (!tasks.some((t) => t.refDetails !== undefined && t.refDetails.length > 0)) return;
  const listed = requirements.filter((r) => r.kind !== 'scenario');
  const order = listed.map((r) => r.id);
  const known = new Set(order);
  const resolve = (id: string) => {
    if (known.has(id)) return id;
    if (/^R\d/.test(id) && known.has(id.slice(1))) return id.slice(1);
    if (/^\d/.test(id) && known.has('R' + id)) return 'R' + id;
    const undashed = id.replace(/^([A-Za-z]+)-(?=\d)/, '$1');
    if (undashed !== id && known.has(undashed)) return undashed;
    return id;
  };
  const seen = new Set<TaskRef>();
  for (const t of tasks) {
    if (!t.refDetails || t.refDetails.length === 0) continue;
    let changed = false;
    for (const ref of t.refDetails) {
      // Section references are shared by every task of the section: resolve them once.
      if (seen.has(ref)) {
        changed = true;
        continue;
      }
      seen.add(ref);
      let ids = ref.ids.map(resolve);
      if (ref.span) {
        const from = order.indexOf(resolve(ref.span[0]));
        const to = order.indexOf(resolve(ref.span[1]));
        // Between two criteria lie criteria (not the requirement headings, which would cover all of theirs).
        if (from !== -1 && to >= from) ids = listed.slice(from, to + 1).filter((r) => r.kind === listed[from]!.kind).map((r) => r.id);
      }
      if (ids.length !== ref.ids.length || ids.some((id, i) => id !== ref.ids[i])) {
        ref.ids = ids;
        changed = true;
      }
    }
    if (changed) t.refs = t.refDetails.flatMap((r) => (r.kind === 'free' || r.kind === 'all' || r.kind === 'design' ? [r.raw] : r.ids));
  }
}

const NUL = /\0/;

/** Problems with the bytes themselves: NUL characters, an empty file. */
function checkText(text: string, path: string, out: Diagnostic[]): void {
  if (text.trim() === '' || text === '\ufeff') {
    out.push({ severity: 'info', code: 'document-empty', message: `${path} is empty`, pos: { file: path, line: 1, column: 1 } });
    return;
  }
  // A regex test first: indexOf('\0') is slow on two-byte strings (V8 cannot memchr for a zero byte).
  const nul = NUL.test(text) ? text.indexOf('\u0000') : -1;
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (text.charCodeAt(i) === 10) line++;
    out.push({ severity: 'warning', code: 'nul-bytes', message: `${path} contains NUL characters; it may be binary`, pos: { file: path, line, column: 1 } });
  }
}

const TOP_LEVEL = new Set<Requirement['kind']>(['requirement', 'functional', 'user-story', 'success-criterion']);

export function summarizeSpec(spec: Spec): SpecSummary {
  const countsRequirement = kindOf(spec.format)?.countsRequirement;
  const counts = { total: 0, done: 0, inProgress: 0, optional: 0, unknown: 0, skipped: 0 };
  for (const t of spec.tasks) {
    counts.total++;
    if (t.state === 'done') counts.done++;
    else if (t.state === 'in-progress') counts.inProgress++;
    else if (t.state === 'unknown') counts.unknown++;
    else if (t.state === 'skipped') counts.skipped++;
    if (t.optional) counts.optional++;
  }
  let errorCount = 0;
  let warningCount = 0;
  for (const d of spec.diagnostics) {
    if (d.severity === 'error') errorCount++;
    else if (d.severity === 'warning') warningCount++;
  }
  return {
    id: spec.id,
    format: spec.format,
    folder: spec.folder,
    title: spec.title,
    counts,
    requirementCount: spec.requirements.filter((r) => TOP_LEVEL.has(r.kind) && (countsRequirement?.(r) ?? true)).length,
    diagnosticCount: spec.diagnostics.length,
    coverage: computeCoverage(spec.tasks, spec.requirements).coverage,
    errorCount,
    warningCount,
    ...(spec.archived ? { archived: true } : {}),
  };
}

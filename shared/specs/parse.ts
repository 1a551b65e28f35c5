// Builds the Spec model for a located spec from its documents' text. Never throws on content:
// whatever cannot be read becomes a diagnostic.
import type { Diagnostic, Requirement, Spec, SpecConfig, SpecSummary, Task } from './model';
import type { SpecLocation } from './detect';
import { parseTasks } from './tasks-markdown';
import { parseKiroRequirements } from './parsers/kiro-requirements';
import { clarificationMarkers, parseSpeckitSpec } from './parsers/speckit-spec';
import { parseOpenSpecDoc } from './parsers/openspec';
import { parseChangeMeta, parseOpenSpecConfig } from './parsers/openspec-yaml';
import { parseSpecConfig } from './config';
import { headingOf, scanLines } from './markdown-lines';
import { checkReferences } from './diagnostics/references';
import { checkCoverage, computeCoverage } from './diagnostics/coverage';
import { checkDuplicates } from './diagnostics/duplicates';
import { checkParentStates } from './diagnostics/task-states';
import { checkEars } from './diagnostics/ears';
import { buildDependencies } from './task-deps';
import { DEFAULT_SETTINGS, statesFor, type SpecdeckSettings } from './settings';

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
  const tasksDoc = doc('tasks');
  let tasks: Task[] = [];
  let dependencies: Spec['dependencies'] = null;
  if (tasksDoc) {
    const text = docText(tasksDoc.path);
    if (text !== null) {
      const parsed = parseTasks(text, tasksDoc.path, location.format, { states: statesFor(options.settings ?? DEFAULT_SETTINGS, location.format) });
      tasks = parsed.tasks;
      diagnostics.push(...parsed.diagnostics);
      if (tasks.length > 0 || parsed.graph) {
        const deps = buildDependencies(tasks, parsed.graph, tasksDoc.path);
        dependencies = deps.dependencies;
        diagnostics.push(...deps.diagnostics);
      }
    }
  }
  let requirements: Requirement[] = [];
  let hasRequirementsDoc = false;
  let config: SpecConfig | null = null;
  let title = location.folder.slice(location.folder.lastIndexOf('/') + 1);
  let format = location.format;
  let changeMeta: Spec['changeMeta'] = null;
  let openspecConfig: Spec['openspecConfig'] = null;
  if (location.openspecRoot !== undefined) {
    // `openspec/config.yaml` is optional: read it quietly (no "unreadable" finding when absent).
    const configPath = `${location.openspecRoot}/config.yaml`;
    const raw = read(configPath);
    if (raw !== null) {
      const parsed = parseOpenSpecConfig(raw, configPath);
      openspecConfig = parsed.config;
    }
  }

  switch (location.format) {
    case 'kiro':
    case 'kiro-bugfix':
    case 'cc-sdd': {
      const reqDoc = doc('requirements') ?? doc('bugfix');
      const text = reqDoc ? docText(reqDoc.path) : null;
      if (reqDoc && text !== null) {
        hasRequirementsDoc = true;
        const parsed = parseKiroRequirements(text, reqDoc.path, reqDoc.kind === 'bugfix' ? 'bugfix' : 'requirements');
        requirements = parsed.requirements;
        diagnostics.push(...parsed.diagnostics);
      }
      for (const cfg of location.files.filter((f) => f.kind === 'config')) {
        const raw = read(cfg.path);
        if (raw === null) continue;
        const parsed = parseSpecConfig(raw, cfg.path);
        config ??= parsed.config;
        diagnostics.push(...parsed.diagnostics);
      }
      // `.config.kiro` may say what the folder's files do not: `"specType": "bugfix"`.
      if (format === 'kiro' && config?.values?.['specType'] === 'bugfix') format = 'kiro-bugfix';
      diagnostics.push(...checkEars(requirements, format));
      break;
    }
    case 'speckit': {
      const specDoc = doc('spec');
      const text = specDoc ? docText(specDoc.path) : null;
      if (specDoc && text !== null) {
        hasRequirementsDoc = true;
        requirements = parseSpeckitSpec(text, specDoc.path);
        title = titleAfterColon(text) ?? title;
      }
      for (const d of [specDoc, doc('plan')]) {
        const t = d ? (d === specDoc ? text : read(d.path)) : null;
        if (!d || t === null) continue;
        for (const m of clarificationMarkers(t)) {
          diagnostics.push({ severity: 'warning', code: 'needs-clarification', message: `Left open: ${m.text}`, pos: { file: d.path, line: m.line, column: m.column } });
        }
      }
      break;
    }
    case 'openspec-capability': {
      const specDoc = doc('spec');
      const root = location.openspecRoot ?? '';
      title = root ? location.folder.slice(root.length + '/specs/'.length) : title;
      const text = specDoc ? docText(specDoc.path) : null;
      if (specDoc && text !== null) {
        hasRequirementsDoc = true;
        const parsed = parseOpenSpecDoc(text, specDoc.path, title);
        requirements = parsed.requirements;
        diagnostics.push(...parsed.diagnostics);
        const at = { file: specDoc.path, line: 1, column: 1 };
        if (!parsed.hasPurpose) diagnostics.push({ severity: 'error', code: 'openspec-no-purpose', message: 'The spec has no "## Purpose" section', pos: at });
        if (!parsed.hasRequirementsSection) diagnostics.push({ severity: 'error', code: 'openspec-no-requirements', message: 'The spec has no "## Requirements" section', pos: at });
      }
      break;
    }
    case 'openspec-change': {
      const metaDoc = doc('.openspec');
      const metaText = metaDoc ? docText(metaDoc.path) : null;
      if (metaDoc && metaText !== null) {
        const parsed = parseChangeMeta(metaText, metaDoc.path);
        changeMeta = parsed.meta;
        diagnostics.push(...parsed.diagnostics);
      }
      const parsed = parseChangeDeltas(location, read, docText, changeMeta?.skipSpecs === true);
      requirements = parsed.requirements;
      diagnostics.push(...parsed.diagnostics);
      break;
    }
  }

  if (hasRequirementsDoc) resolveRefPrefixes(tasks, requirements);
  diagnostics.push(...checkDuplicates(tasks, requirements));
  diagnostics.push(...checkParentStates(tasks));
  if (location.format !== 'openspec-change' && location.format !== 'openspec-capability') {
    diagnostics.push(...checkReferences(tasks, requirements, hasRequirementsDoc));
    if (hasRequirementsDoc) diagnostics.push(...checkCoverage(tasks, requirements));
  }
  return {
    id: location.id,
    format,
    folder: location.folder,
    title,
    documents: location.files.map((f) => ({ kind: f.kind, path: f.path })),
    requirements,
    tasks,
    diagnostics,
    tasksFile: tasksDoc?.path ?? null,
    config,
    ...(location.archived ? { archived: true } : {}),
    dependencies,
    ...(location.format === 'openspec-change' ? { changeMeta } : {}),
    ...(openspecConfig ? { openspecConfig } : {}),
  };
}

/** A change's delta specs (`specs/<capability>/spec.md`), checked against the current capabilities. */
function parseChangeDeltas(location: SpecLocation, read: Read, docText: Read, skipSpecs: boolean): { requirements: Requirement[]; diagnostics: Diagnostic[] } {
  const requirements: Requirement[] = [];
  const diagnostics: Diagnostic[] = [];
  let deltas = 0;
  for (const d of location.files.filter((f) => f.kind === 'delta')) {
    const capability = d.path.slice(location.folder.length + '/specs/'.length, -'/spec.md'.length);
    const text = docText(d.path);
    if (text === null) continue;
    const parsed = parseOpenSpecDoc(text, d.path, capability);
    deltas += parsed.deltaCount;
    requirements.push(...parsed.requirements);
    diagnostics.push(...parsed.diagnostics);
    if (location.archived || !location.openspecRoot) continue;
    // MODIFIED, REMOVED and RENAMED must name a requirement the capability has today.
    const basePath = `${location.openspecRoot}/specs/${capability}/spec.md`;
    const baseText = read(basePath);
    const base = baseText === null ? [] : parseOpenSpecDoc(baseText, basePath, capability).requirements;
    const key = (name: string) => name.trim().toLowerCase();
    const existing = new Set(base.filter((r) => r.kind === 'requirement' && r.delta === undefined).map((r) => key(r.id)));
    for (const r of parsed.requirements) {
      if (r.kind !== 'requirement' || r.delta === undefined || r.delta === 'ADDED') continue;
      const name = r.delta === 'RENAMED' ? (r.renamedFrom ?? r.id) : r.id;
      if (!existing.has(key(name))) {
        // The OpenSpec CLI reports this as INFO ("archive would refuse"): a warning here.
        diagnostics.push({
          severity: 'warning',
          code: 'openspec-delta-unknown-requirement',
          message: `${r.delta} names "${name}", which ${baseText === null ? `cannot exist: there is no capability ${capability}` : `is not a requirement of ${capability}`}`,
          pos: r.pos,
        });
      } else if (r.delta === 'MODIFIED') {
        // A MODIFIED block replaces the whole requirement: scenarios it leaves out would be lost.
        const scenarioNames = (reqs: Requirement[], parent: string) =>
          reqs.filter((x) => x.kind === 'scenario' && x.parentId !== null && key(x.parentId) === key(parent) && x.delta === undefined).map((x) => x.title.trim());
        const kept = new Set(parsed.requirements.filter((x) => x.kind === 'scenario' && x.parentId === r.id).map((x) => x.title.trim()));
        const dropped = scenarioNames(base, name).filter((n) => !kept.has(n));
        if (dropped.length > 0) {
          diagnostics.push({
            severity: 'error',
            code: 'openspec-modified-drops-scenarios',
            message: `MODIFIED "${name}" omits scenario(s) the current spec still has: ${dropped.map((n) => `"${n}"`).join(', ')}`,
            pos: r.pos,
          });
        }
      }
    }
  }
  // `skip_specs: true` in `.openspec.yaml` says the change has no deltas on purpose.
  if (deltas === 0 && !location.archived && !skipSpecs) {
    diagnostics.push({ severity: 'error', code: 'openspec-no-deltas', message: 'The change has no delta requirements (specs/<capability>/spec.md with ## ADDED/MODIFIED/REMOVED/RENAMED Requirements)', pos: { file: location.folder, line: 1, column: 1 } });
  }
  return { requirements, diagnostics };
}

/**
 * Tasks often write `R13.2` for a requirement headed `Requirement 13` (or `13.2` for `R13`):
 * resolve such a reference to the ID the requirements document uses. `raw` keeps what was written.
 */
function resolveRefPrefixes(tasks: Task[], requirements: readonly Requirement[]): void {
  const known = new Set(requirements.map((r) => r.id));
  const resolve = (id: string) => {
    if (known.has(id)) return id;
    if (/^R\d/.test(id) && known.has(id.slice(1))) return id.slice(1);
    if (/^\d/.test(id) && known.has('R' + id)) return 'R' + id;
    return id;
  };
  for (const t of tasks) {
    if (!t.refDetails || t.refDetails.length === 0) continue;
    let changed = false;
    for (const ref of t.refDetails) {
      const ids = ref.ids.map(resolve);
      if (ids.some((id, i) => id !== ref.ids[i])) {
        ref.ids = ids;
        changed = true;
      }
    }
    if (changed) t.refs = t.refDetails.flatMap((r) => (r.kind === 'free' || r.kind === 'all' ? [r.raw] : r.ids));
  }
}

/** Problems with the bytes themselves: NUL characters, an empty file. */
function checkText(text: string, path: string, out: Diagnostic[]): void {
  if (text.trim() === '' || text === '\ufeff') {
    out.push({ severity: 'info', code: 'document-empty', message: `${path} is empty`, pos: { file: path, line: 1, column: 1 } });
    return;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (text.charCodeAt(i) === 10) line++;
    out.push({ severity: 'warning', code: 'nul-bytes', message: `${path} contains NUL characters; it may be binary`, pos: { file: path, line, column: 1 } });
  }
}

/** `# Feature Specification: Title` → `Title`. */
function titleAfterColon(text: string): string | null {
  let title: string | null = null;
  let done = false;
  scanLines(text.length > 4096 ? text.slice(0, 4096) : text, (line) => {
    if (done || line.fenced) return;
    const h = headingOf(line.text);
    if (h && h.level === 1) {
      done = true;
      const colon = h.text.indexOf(':');
      title = colon === -1 ? h.text.trim() : h.text.slice(colon + 1).trim();
    }
  });
  return title || null;
}

const TOP_LEVEL = new Set<Requirement['kind']>(['requirement', 'functional', 'user-story', 'success-criterion']);

export function summarizeSpec(spec: Spec): SpecSummary {
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
    requirementCount: spec.requirements.filter((r) => TOP_LEVEL.has(r.kind) && !(spec.format === 'openspec-capability' && r.delta !== undefined)).length,
    diagnosticCount: spec.diagnostics.length,
    coverage: computeCoverage(spec.tasks, spec.requirements).coverage,
    errorCount,
    warningCount,
    ...(spec.archived ? { archived: true } : {}),
  };
}

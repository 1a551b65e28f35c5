// Finds and parses the workspace's specs, and writes task states back to their files. Every read
// goes through the Workspace (containment) and is asynchronous: documents are read ahead, then
// parsed in one go. A tick reads its tasks file once, parses once and writes once.
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { RecoveredEdit, SpecWithSource } from '../../../shared/api/contract';
import { detectSpecs, parseSpec, setTaskStateWithParents, summarizeSpec, TaskEditError } from '../../../shared/specs/index';
import type { Diagnostic, SettableTaskState, Spec, SpecSummary, Task } from '../../../shared/specs/model';
import type { SpecLocation } from '../../../shared/specs/detect';
import { documentsToRead, inSpecLayout } from '../../../shared/specs/formats/registry';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_PATH, type SpecdeckSettings } from '../../../shared/specs/settings';
import { checkChangeConflicts } from '../../../shared/specs/diagnostics/change-conflicts';
import { readOpenSpecConfig } from '../../../shared/specs/parsers/openspec-yaml';
import { decodeUtf8, readWorkspaceBytes, withLockedFile } from '../workspace/files';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { walkFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';

// Spec text is read leniently (invalid bytes become U+FFFD) so a damaged file still shows its
// tasks; write-back decodes strictly and refuses such a file.
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export interface SetTaskStateOptions {
  /** Also mark a parent done when its last required child becomes done (Kiro's behaviour). */
  completeParents?: boolean;
}

/** A document as read: its text, the hash of its bytes, and whether they were valid UTF-8. */
interface Doc {
  text: string;
  hash: string;
  utf8: boolean;
}

type Docs = ReadonlyMap<string, Doc | null>;

interface Parsed {
  location: SpecLocation;
  spec: Spec;
  /** Hash of each document as parsed, by path (the paths the parse read). */
  hashes: Map<string, string | null>;
  /** The documents the parse was given (a tick re-parses with only the tasks file replaced). */
  docs: Docs;
}

export class SpecService {
  private locations: SpecLocation[] | null = null;
  private readonly parsed = new Map<string, Parsed>();
  /** Bumped by every forget(): a parse or a discovery that started before it is not cached. */
  private generation = 0;
  private readonly ticks = new TickLineage();
  /** The workspace's `.specdeck/settings.json`, read once until it changes. */
  private settings: Promise<{ values: SpecdeckSettings; diagnostics: Diagnostic[] }> | null = null;
  /** Facts that need more than one spec: OpenSpec change conflicts, read-only reference roots. */
  private cross: CrossSpec | null = null;
  /** Each OpenSpec root's `config.yaml` by path, read once for all its specs until it changes. */
  private readonly rootConfigs = new Map<string, Promise<Doc | null>>();

  constructor(
    private readonly ws: Workspace,
    private readonly rules: IgnoreRules,
    /** Where the list of workspace files comes from (the index, when there is one). */
    private readonly listFiles: () => Promise<string[]> = () => walkFiles(ws.root, rules),
  ) {}

  async list(): Promise<SpecSummary[]> {
    const locations = await this.locate();
    const cross = await this.crossSpec(locations);
    return (await Promise.all(locations.map((loc) => this.parse(loc)))).map((p) => summarizeSpec(decorate(p.spec, p.location, cross)));
  }

  /** Every spec, fully parsed (for `check` and other whole-workspace reports). */
  async all(): Promise<Spec[]> {
    const locations = await this.locate();
    const cross = await this.crossSpec(locations);
    return (await Promise.all(locations.map((loc) => this.parse(loc)))).map((p) => decorate(p.spec, p.location, cross));
  }

  /** Where a spec's documents are (to read them at another revision); null when no such spec. */
  async specLocation(specId: string): Promise<SpecLocation | null> {
    return (await this.locate()).find((l) => l.id === specId) ?? null;
  }

  async get(specId: string): Promise<SpecWithSource> {
    const entry = await this.parse(await this.find(specId));
    return withSource(entry, await this.crossSpec(await this.locate()));
  }

  async setTaskState(
    specId: string,
    taskId: string,
    state: SettableTaskState,
    expectedHash: string,
    options: SetTaskStateOptions = {},
  ): Promise<SpecWithSource & { recovered?: RecoveredEdit }> {
    const generation = this.generation;
    const loc = await this.find(specId);
    let entry = await this.parse(loc);
    const file = entry.spec.tasksFile;
    if (!file) throw new ApiError('NOT_FOUND', `Spec ${specId} has no tasks file`, 'specId');
    const cross = await this.crossSpec(await this.locate());
    if (loc.openspecRoot !== undefined && cross.readOnlyRoots.has(loc.openspecRoot)) {
      const by = cross.readOnlyRoots.get(loc.openspecRoot)!;
      throw new ApiError('UNSUPPORTED', `Spec ${specId} is in a store that ${by} declares as a read-only reference; Specdeck does not write it`);
    }
    // Read, check, edit and write under the file's lock: two ticks cannot both start from one text.
    const recovered = await withLockedFile(this.ws, file, async (locked) => {
      // The one read of the tasks file: its bytes serve the conflict check, the edit and the write.
      const current = await locked.read();
      if (!current) throw new ApiError('CONFLICT', `${file} was deleted on disk`);
      if (current.hash !== expectedHash && !this.ticks.leadsTo(file, expectedHash, current.hash)) {
        this.forget([file]);
        throw new ApiError('CONFLICT', `${file} changed on disk since it was read; re-read it`);
      }
      const text = decodeUtf8(current.bytes);
      if (text === null) throw new ApiError('UNSUPPORTED', `${file} is not valid UTF-8; not rewriting it`);
      // The cached parse is of these very bytes when the hashes agree; else (the file changed and
      // the client already read it, before the watcher told us) parse what was read.
      if (entry.hashes.get(file) !== current.hash) entry = await this.parseDocs(loc, withDoc(entry.docs, file, { text, hash: current.hash, utf8: true }));
      const task = findTask(entry.spec.tasks, taskId, file);
      if (task.checkbox === false) {
        throw new ApiError(
          'INVALID_ARGUMENT',
          `Task ${task.id} (${file}:${task.pos.line}) is written without a checkbox, so there is nothing to tick; its state follows its sub-tasks — tick those instead`,
          'taskId',
        );
      }
      let next: string;
      try {
        next = setTaskStateWithParents(text, entry.spec.tasks, task, state, options).text;
      } catch (error) {
        if (error instanceof TaskEditError) throw new ApiError('CONFLICT', error.message);
        throw error;
      }
      if (next === text) return undefined;
      const written = await locked.write(next, current.hash, undefined, current);
      this.ticks.record(file, current.hash, written.hash);
      // The one parse: the edited text, beside the other documents as they were read.
      entry = await this.parseDocs(loc, withDoc(entry.docs, file, { text: next, hash: written.hash, utf8: true }));
      return written.recovered;
    });
    // An outside edit kept in a recovery file means the file is not what we wrote: read it again.
    if (recovered) {
      this.forget([file]);
      return { ...(await this.get(specId)), recovered };
    }
    this.remember(entry, generation);
    return withSource(entry, cross);
  }

  /** Problems in `.specdeck/settings.json` (for `check`); empty when it is fine or absent. */
  async settingsDiagnostics(): Promise<Diagnostic[]> {
    return (await this.readSettings()).diagnostics;
  }

  /**
   * Findings that belong to the workspace, not to one spec: `.specdeck/settings.json` and each
   * OpenSpec root's `config.yaml`, once each (for `check` and the Problems view).
   */
  async workspaceDiagnostics(): Promise<Diagnostic[]> {
    const [settings, cross] = await Promise.all([this.settingsDiagnostics(), this.locate().then((l) => this.crossSpec(l))]);
    return [...settings, ...cross.configDiagnostics];
  }

  /**
   * Drops what is cached for these changed paths; returns the ids of the specs they touch.
   * A change that may add or remove a spec re-runs discovery on the next read.
   */
  forget(changedPaths: readonly string[]): string[] {
    this.generation++;
    const touched = new Set<string>();
    this.cross = null;
    for (const configPath of this.rootConfigs.keys()) {
      if (changedPaths.some((p) => p === configPath || configPath.startsWith(p + '/'))) this.rootConfigs.delete(configPath);
    }
    if (changedPaths.includes(SETTINGS_PATH) || changedPaths.includes(path.posix.dirname(SETTINGS_PATH))) {
      // The settings change how every spec reads: re-parse them all.
      this.settings = null;
      for (const id of this.parsed.keys()) touched.add(id);
      this.parsed.clear();
    }
    for (const [id, entry] of this.parsed) {
      if (changedPaths.some((p) => entry.hashes.has(p) || p.startsWith(entry.spec.folder + '/'))) {
        this.parsed.delete(id);
        touched.add(id);
      }
    }
    // A path that belongs to a spec layout may add or remove a spec: re-discover, and name it.
    let rediscover = false;
    for (const p of changedPaths) {
      const located = detectSpecs([p]);
      for (const loc of located) touched.add(loc.id);
      // Folders are reported alone when created with their contents (`.kiro`, `.kiro/specs`,
      // a new spec folder): any path in a spec layout re-runs discovery.
      if (located.length > 0 || !p.includes('.') || inSpecLayout(p)) rediscover = true;
    }
    if (rediscover) this.locations = null;
    return [...touched];
  }

  private async locate(): Promise<SpecLocation[]> {
    if (this.locations) return this.locations;
    const generation = this.generation;
    const locations = detectSpecs(await this.listFiles());
    if (generation === this.generation) this.locations = locations;
    return locations;
  }

  private async find(specId: string): Promise<SpecLocation> {
    const loc = (await this.locate()).find((l) => l.id === specId);
    if (!loc) throw new ApiError('NOT_FOUND', `No spec with id ${specId}`, 'specId');
    return loc;
  }

  private async parse(loc: SpecLocation): Promise<Parsed> {
    const cached = this.parsed.get(loc.id);
    if (cached) return cached;
    const generation = this.generation;
    const configPath = rootConfigPath(loc);
    const [docs, config] = await Promise.all([this.readDocs(new Map(), documentsToRead(loc)), configPath ? this.rootConfig(configPath) : null, this.readSettings()]);
    if (configPath) docs.set(configPath, config);
    const entry = await this.parseDocs(loc, docs);
    this.remember(entry, generation);
    return entry;
  }

  private async crossSpec(locations: readonly SpecLocation[]): Promise<CrossSpec> {
    if (this.cross) return this.cross;
    const generation = this.generation;
    const changes = await Promise.all(locations.filter((l) => l.format === 'openspec-change' && !l.archived).map(async (l) => (await this.parse(l)).spec));
    const conflicts = checkChangeConflicts(changes);
    // A `references:` entry written as a path (`../team-context`, `vendor/team`) that names an
    // OpenSpec root of this workspace makes that root read-only. Store IDs are registered outside
    // the repository (OpenSpec's own store registry), so they are shown but not resolved.
    const roots = new Set(locations.map((l) => l.openspecRoot).filter((r): r is string => r !== undefined));
    const readOnlyRoots = new Map<string, string>();
    const configDiagnostics: Diagnostic[] = [];
    for (const root of roots) {
      const configPath = `${root}/config.yaml`;
      const doc = await this.rootConfig(configPath);
      if (doc === null) continue;
      const repo = path.posix.dirname(root);
      const { config, diagnostics } = readOpenSpecConfig(doc.text, configPath);
      configDiagnostics.push(...diagnostics);
      for (const ref of config.references) {
        if (!ref.includes('/') && !ref.startsWith('.')) continue;
        const resolved = path.posix.normalize(path.posix.join(repo, ref)).replace(/\/$/, '');
        for (const candidate of [resolved, `${resolved}/openspec`]) {
          if (candidate !== root && roots.has(candidate)) readOnlyRoots.set(candidate, configPath);
        }
      }
    }
    const cross = { conflicts, readOnlyRoots, configDiagnostics };
    if (generation === this.generation) this.cross = cross;
    return cross;
  }

  /** Caches a parse unless a change was reported while it was being made. */
  private remember(entry: Parsed, generation: number): void {
    if (generation === this.generation) this.parsed.set(entry.location.id, entry);
  }

  /** One parse of documents already read; a file the format did not announce is read, then parsed again. */
  private async parseDocs(loc: SpecLocation, docs: Docs): Promise<Parsed> {
    const settings = (await this.readSettings()).values;
    for (;;) {
      const missing: string[] = [];
      const hashes = new Map<string, string | null>();
      const notUtf8: string[] = [];
      const spec = parseSpec(loc, (p) => {
        if (!docs.has(p)) {
          missing.push(p);
          return null;
        }
        const doc = docs.get(p) ?? null;
        hashes.set(p, doc ? doc.hash : null);
        if (doc && !doc.utf8) notUtf8.push(p);
        return doc ? doc.text : null;
      }, { settings });
      if (missing.length > 0) {
        docs = await this.readDocs(new Map(docs), missing);
        continue;
      }
      for (const file of new Set(notUtf8)) {
        spec.diagnostics.push({
          severity: 'warning',
          code: 'invalid-utf8',
          message: `${file} is not valid UTF-8; it is shown with replacement characters and task states cannot be written back`,
          pos: { file, line: 1, column: 1 },
        });
      }
      return { location: loc, spec, hashes, docs };
    }
  }

  /** `.specdeck/settings.json`, read once (asynchronously, through the workspace) until it changes. */
  private readSettings(): Promise<{ values: SpecdeckSettings; diagnostics: Diagnostic[] }> {
    this.settings ??= this.readDoc(SETTINGS_PATH).then((doc) => {
      if (doc === null) return { values: DEFAULT_SETTINGS, diagnostics: [] };
      if (!doc.utf8) {
        return {
          values: DEFAULT_SETTINGS,
          diagnostics: [{ severity: 'warning', code: 'settings-invalid', message: `${SETTINGS_PATH} is not valid UTF-8; it is ignored`, pos: { file: SETTINGS_PATH, line: 1, column: 1 } }],
        };
      }
      const parsed = parseSettings(doc.text, SETTINGS_PATH);
      return { values: parsed.settings, diagnostics: parsed.diagnostics };
    });
    return this.settings;
  }

  /** An OpenSpec root's `config.yaml` (null when absent), one read shared by every spec of the root. */
  private rootConfig(configPath: string): Promise<Doc | null> {
    // forget() drops the entry when the file changes, also while its read is under way.
    let doc = this.rootConfigs.get(configPath);
    if (!doc) this.rootConfigs.set(configPath, (doc = this.readDoc(configPath)));
    return doc;
  }

  private async readDocs(into: Map<string, Doc | null>, paths: readonly string[]): Promise<Map<string, Doc | null>> {
    await Promise.all(paths.filter((p) => !into.has(p)).map(async (p) => into.set(p, await this.readDoc(p))));
    return into;
  }

  /** A document's text, or null when it cannot be read (missing, a folder, outside the workspace…). */
  private async readDoc(rel: string): Promise<Doc | null> {
    try {
      const read = await readWorkspaceBytes(this.ws, rel);
      if (!read) return null;
      const strict = decodeUtf8(read.bytes);
      return { text: strict ?? lenientUtf8.decode(read.bytes), hash: read.hash, utf8: strict !== null };
    } catch {
      return null;
    }
  }
}

interface CrossSpec {
  conflicts: Map<string, Diagnostic[]>;
  /** OpenSpec roots another root's `openspec/config.yaml` names as references, and that file. */
  readOnlyRoots: Map<string, string>;
  /** What each OpenSpec root's `config.yaml` could not be read for, once per root. */
  configDiagnostics: Diagnostic[];
}

/** The `config.yaml` of the spec's OpenSpec root, or null outside OpenSpec. */
function rootConfigPath(loc: SpecLocation): string | null {
  return loc.openspecRoot !== undefined ? `${loc.openspecRoot}/config.yaml` : null;
}

function withSource({ spec, hashes, location }: Parsed, cross: CrossSpec): SpecWithSource {
  return { spec: decorate(spec, location, cross), tasksHash: spec.tasksFile ? (hashes.get(spec.tasksFile) ?? null) : null };
}

/** The spec with what only the whole workspace knows: change conflicts, read-only references. */
function decorate(spec: Spec, loc: SpecLocation, cross: CrossSpec): Spec {
  const conflicts = cross.conflicts.get(spec.id);
  const readOnly = loc.openspecRoot !== undefined && cross.readOnlyRoots.has(loc.openspecRoot);
  if (!conflicts && !readOnly) return spec;
  return { ...spec, diagnostics: conflicts ? [...spec.diagnostics, ...conflicts] : spec.diagnostics, ...(readOnly ? { readOnly: true } : {}) };
}

function withDoc(docs: Docs, path: string, doc: Doc): Docs {
  return new Map(docs).set(path, doc);
}

/** A task by its ID as written, or by `L<line>` (which also picks one of several equal IDs). */
function findTask(tasks: readonly Task[], taskId: string, file: string): Task {
  const matches = tasks.filter((t) => t.id === taskId);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new ApiError(
      'INVALID_ARGUMENT',
      `Task ${taskId} appears ${matches.length} times in ${file} (lines ${matches.map((t) => t.pos.line).join(', ')}); address one as L<line>`,
      'taskId',
    );
  }
  const byLine = /^L(\d+)$/.exec(taskId);
  const onLine = byLine ? tasks.find((t) => t.pos.line === Number(byLine[1])) : undefined;
  if (onLine) return onLine;
  throw new ApiError('NOT_FOUND', `No task ${taskId} in ${file}`, 'taskId');
}

/**
 * The hashes this service's own ticks produced from each text. A tick sent with the hash from
 * before another tick of ours (two quick ticks, two connections) still applies: the texts differ
 * only by our one-character edits of other tasks, and the task is found again by its ID.
 */
class TickLineage {
  private static readonly LIMIT = 64;
  private readonly before = new Map<string, string>(); // `${file}\0${hashAfter}` -> hashBefore

  record(file: string, hashBefore: string, hashAfter: string): void {
    this.before.set(`${file}\0${hashAfter}`, hashBefore);
    if (this.before.size > TickLineage.LIMIT) this.before.delete(this.before.keys().next().value!);
  }

  leadsTo(file: string, from: string, to: string): boolean {
    let hash: string | undefined = to;
    for (let step = 0; hash !== undefined && step < TickLineage.LIMIT; step++) {
      hash = this.before.get(`${file}\0${hash}`);
      if (hash === from) return true;
    }
    return false;
  }
}

// Finds and parses the workspace's specs, and writes task states back to their files.
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { RecoveredEdit, SpecWithSource } from '../../../shared/api/contract';
import { detectSpecs, parseSpec, setTaskStateWithParents, summarizeSpec, TaskEditError } from '../../../shared/specs/index';
import type { Diagnostic, SettableTaskState, Spec, SpecSummary, Task } from '../../../shared/specs/model';
import type { SpecLocation } from '../../../shared/specs/detect';
import { inSpecLayout } from '../../../shared/specs/formats/registry';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_PATH, type SpecdeckSettings } from '../../../shared/specs/settings';
import { decodeUtf8, withLockedFile } from '../workspace/files';
import { hashBytes } from '../workspace/hash';
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

interface Parsed {
  location: SpecLocation;
  spec: Spec;
  /** Hash of each document as parsed, by path. */
  hashes: Map<string, string | null>;
}

/** A path inside a Kiro, Spec Kit or OpenSpec layout folder. */

export class SpecService {
  private locations: SpecLocation[] | null = null;
  private readonly parsed = new Map<string, Parsed>();
  private readonly ticks = new TickLineage();
  /** The workspace's `.specdeck/settings.json`, read once until it changes. */
  private settings: { values: SpecdeckSettings; diagnostics: Diagnostic[] } | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly rules: IgnoreRules,
    /** Where the list of workspace files comes from (the index, when there is one). */
    private readonly listFiles: () => Promise<string[]> = () => walkFiles(ws.root, rules),
  ) {}

  async list(): Promise<SpecSummary[]> {
    const locations = await this.locate();
    return locations.map((loc) => summarizeSpec(this.parse(loc).spec));
  }

  /** Every spec, fully parsed (for `check` and other whole-workspace reports). */
  async all(): Promise<Spec[]> {
    const locations = await this.locate();
    return locations.map((loc) => this.parse(loc).spec);
  }

  /** Where a spec's documents are (to read them at another revision); null when no such spec. */
  async specLocation(specId: string): Promise<SpecLocation | null> {
    return (await this.locate()).find((l) => l.id === specId) ?? null;
  }

  async get(specId: string): Promise<SpecWithSource> {
    const loc = (await this.locate()).find((l) => l.id === specId);
    if (!loc) throw new ApiError('NOT_FOUND', `No spec with id ${specId}`, 'specId');
    const { spec, hashes } = this.parse(loc);
    return { spec, tasksHash: spec.tasksFile ? (hashes.get(spec.tasksFile) ?? null) : null };
  }

  async setTaskState(
    specId: string,
    taskId: string,
    state: SettableTaskState,
    expectedHash: string,
    options: SetTaskStateOptions = {},
  ): Promise<SpecWithSource & { recovered?: RecoveredEdit }> {
    const { spec } = await this.get(specId);
    const tasksFile = spec.tasksFile;
    if (!tasksFile) throw new ApiError('NOT_FOUND', `Spec ${specId} has no tasks file`, 'specId');
    // Read, check, edit and write under the file's lock: two ticks cannot both start from one text.
    const recovered = await withLockedFile(this.ws, tasksFile, async (file) => {
      const current = await file.read();
      if (!current) throw new ApiError('CONFLICT', `${tasksFile} was deleted on disk`);
      if (current.hash !== expectedHash && !this.ticks.leadsTo(tasksFile, expectedHash, current.hash)) {
        this.forget([tasksFile]);
        throw new ApiError('CONFLICT', `${tasksFile} changed on disk since it was read; re-read it`);
      }
      const text = decodeUtf8(current.bytes);
      if (text === null) throw new ApiError('UNSUPPORTED', `${tasksFile} is not valid UTF-8; not rewriting it`);
      const fresh = parseSpec(this.parsed.get(specId)?.location ?? this.locationOf(spec), (p) => (p === tasksFile ? text : this.readText(p)), {
        settings: this.readSettings().values,
      });
      const task = findTask(fresh.tasks, taskId, tasksFile);
      if (task.checkbox === false) {
        throw new ApiError(
          'INVALID_ARGUMENT',
          `Task ${task.id} (${tasksFile}:${task.pos.line}) is written without a checkbox, so there is nothing to tick; its state follows its sub-tasks — tick those instead`,
          'taskId',
        );
      }
      let next: string;
      try {
        next = setTaskStateWithParents(text, fresh.tasks, task, state, options).text;
      } catch (error) {
        if (error instanceof TaskEditError) throw new ApiError('CONFLICT', error.message);
        throw error;
      }
      if (next === text) return undefined;
      const written = await file.write(next, current.hash);
      this.ticks.record(tasksFile, current.hash, written.hash);
      return written.recovered;
    });
    this.forget([tasksFile]);
    const after = await this.get(specId);
    return recovered ? { ...after, recovered } : after;
  }

  /** Problems in `.specdeck/settings.json` (for `check`); empty when it is fine or absent. */
  settingsDiagnostics(): Diagnostic[] {
    return this.readSettings().diagnostics;
  }

  /**
   * Drops what is cached for these changed paths; returns the ids of the specs they touch.
   * A change that may add or remove a spec re-runs discovery on the next read.
   */
  forget(changedPaths: readonly string[]): string[] {
    const touched = new Set<string>();
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
    this.locations ??= detectSpecs(await this.listFiles());
    return this.locations;
  }

  private locationOf(spec: Spec): SpecLocation {
    return { id: spec.id, format: spec.format, folder: spec.folder, files: spec.documents.map((d) => ({ ...d })) };
  }

  private parse(loc: SpecLocation): Parsed {
    const cached = this.parsed.get(loc.id);
    if (cached) return cached;
    const hashes = new Map<string, string | null>();
    const notUtf8: string[] = [];
    const settings = this.readSettings().values;
    const spec = parseSpec(loc, (p) => {
      const bytes = this.readBytes(p);
      hashes.set(p, bytes ? hashBytes(bytes) : null);
      if (!bytes) return null;
      const strict = decodeUtf8(bytes);
      if (strict !== null) return strict;
      notUtf8.push(p);
      return lenientUtf8.decode(bytes);
    }, { settings });
    for (const file of new Set(notUtf8)) {
      spec.diagnostics.push({
        severity: 'warning',
        code: 'invalid-utf8',
        message: `${file} is not valid UTF-8; it is shown with replacement characters and task states cannot be written back`,
        pos: { file, line: 1, column: 1 },
      });
    }
    const entry = { location: loc, spec, hashes };
    this.parsed.set(loc.id, entry);
    return entry;
  }

  private readSettings(): { values: SpecdeckSettings; diagnostics: Diagnostic[] } {
    if (this.settings) return this.settings;
    const text = this.readText(SETTINGS_PATH);
    if (text === null) {
      const present = this.readBytes(SETTINGS_PATH) !== null;
      this.settings = {
        values: DEFAULT_SETTINGS,
        diagnostics: present ? [{ severity: 'warning', code: 'settings-invalid', message: `${SETTINGS_PATH} is not valid UTF-8; it is ignored`, pos: { file: SETTINGS_PATH, line: 1, column: 1 } }] : [],
      };
    } else {
      const parsed = parseSettings(text, SETTINGS_PATH);
      this.settings = { values: parsed.settings, diagnostics: parsed.diagnostics };
    }
    return this.settings;
  }

  /** Through the workspace: a spec folder (or `openspec/specs`) linked to outside reads as missing. */
  private readBytes(rel: string): Buffer | null {
    return this.ws.readBytesSync(rel);
  }

  private readText(rel: string): string | null {
    const bytes = this.readBytes(rel);
    return bytes ? decodeUtf8(bytes) : null;
  }
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

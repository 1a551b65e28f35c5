// Finds and parses the workspace's specs, and writes task states back to their files. Every read
// goes through the Workspace (containment) and is asynchronous: documents are read ahead, then
// parsed in one go. A tick reads its tasks file once, parses once and writes once.
import { ApiError } from '../../../shared/api/errors';
import type { SpecWithSource } from '../../../shared/api/contract';
import { detectSpecs, parseSpec, setTaskStateWithParents, summarizeSpec, TaskEditError } from '../../../shared/specs/index';
import type { Spec, SpecSummary, Task, TaskState } from '../../../shared/specs/model';
import type { SpecLocation } from '../../../shared/specs/detect';
import { documentsToRead, inSpecLayout } from '../../../shared/specs/formats/registry';
import { decodeUtf8, readWorkspaceBytes, writeWorkspaceFile } from '../workspace/files';
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

  constructor(
    private readonly ws: Workspace,
    private readonly rules: IgnoreRules,
    /** Where the list of workspace files comes from (the index, when there is one). */
    private readonly listFiles: () => Promise<string[]> = () => walkFiles(ws.root, rules),
  ) {}

  async list(): Promise<SpecSummary[]> {
    const locations = await this.locate();
    return (await Promise.all(locations.map((loc) => this.parse(loc)))).map((p) => summarizeSpec(p.spec));
  }

  /** Every spec, fully parsed (for `check` and other whole-workspace reports). */
  async all(): Promise<Spec[]> {
    const locations = await this.locate();
    return (await Promise.all(locations.map((loc) => this.parse(loc)))).map((p) => p.spec);
  }

  async get(specId: string): Promise<SpecWithSource> {
    return withSource(await this.parse(await this.find(specId)));
  }

  async setTaskState(
    specId: string,
    taskId: string,
    state: Exclude<TaskState, 'unknown'>,
    expectedHash: string,
    options: SetTaskStateOptions = {},
  ): Promise<SpecWithSource> {
    const generation = this.generation;
    const loc = await this.find(specId);
    let entry = await this.parse(loc);
    const file = entry.spec.tasksFile;
    if (!file) throw new ApiError('NOT_FOUND', `Spec ${specId} has no tasks file`, 'specId');
    // The one read of the tasks file: its bytes serve the conflict check, the edit and the write.
    const read = await readWorkspaceBytes(this.ws, file);
    if (!read) throw new ApiError('CONFLICT', `${file} was deleted on disk`);
    if (read.hash !== expectedHash) {
      this.forget([file]);
      throw new ApiError('CONFLICT', `${file} changed on disk since it was read; re-read it`);
    }
    const text = decodeUtf8(read.bytes);
    if (text === null) throw new ApiError('UNSUPPORTED', `${file} is not valid UTF-8; not rewriting it`);
    // The cached parse is of these very bytes when the hashes agree; else (the file changed and
    // the client already read it, before the watcher told us) parse what was read.
    if (entry.hashes.get(file) !== read.hash) entry = await this.parseDocs(loc, withDoc(entry.docs, file, { text, hash: read.hash, utf8: true }));
    const task = findTask(entry.spec.tasks, taskId, file);
    let next: string;
    try {
      next = setTaskStateWithParents(text, entry.spec.tasks, task, state, options).text;
    } catch (error) {
      if (error instanceof TaskEditError) throw new ApiError('CONFLICT', error.message);
      throw error;
    }
    if (next !== text) {
      const written = await writeWorkspaceFile(this.ws, file, next, expectedHash, { absolute: read.absolute, current: read });
      entry = await this.parseDocs(loc, withDoc(entry.docs, file, { text: next, hash: written.hash, utf8: true }));
    }
    this.remember(entry, generation);
    return withSource(entry);
  }

  /**
   * Drops what is cached for these changed paths; returns the ids of the specs they touch.
   * A change that may add or remove a spec re-runs discovery on the next read.
   */
  forget(changedPaths: readonly string[]): string[] {
    this.generation++;
    const touched = new Set<string>();
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
    const entry = await this.parseDocs(loc, await this.readDocs(new Map(), documentsToRead(loc)));
    this.remember(entry, generation);
    return entry;
  }

  /** Caches a parse unless a change was reported while it was being made. */
  private remember(entry: Parsed, generation: number): void {
    if (generation === this.generation) this.parsed.set(entry.location.id, entry);
  }

  /** One parse of documents already read; a file the format did not announce is read, then parsed again. */
  private async parseDocs(loc: SpecLocation, docs: Docs): Promise<Parsed> {
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
      });
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

function withSource({ spec, hashes }: Parsed): SpecWithSource {
  return { spec, tasksHash: spec.tasksFile ? (hashes.get(spec.tasksFile) ?? null) : null };
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

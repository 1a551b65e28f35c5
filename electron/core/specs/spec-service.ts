// Finds and parses the workspace's specs, and writes task states back to their files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { SpecWithSource } from '../../../shared/api/contract';
import { detectSpecs, parseSpec, setTaskState, summarizeSpec, TaskEditError } from '../../../shared/spec/index';
import type { Spec, SpecSummary, TaskState } from '../../../shared/spec/model';
import type { SpecLocation } from '../../../shared/spec/detect';
import { decodeUtf8, readCurrent, writeWorkspaceFile } from '../workspace/files';
import { hashBytes } from '../workspace/hash';
import type { IgnoreRules } from '../workspace/ignore-rules';
import { walkFiles } from '../workspace/walk';
import type { Workspace } from '../workspace/workspace';

interface Parsed {
  spec: Spec;
  /** Hash of each document as parsed, by path. */
  hashes: Map<string, string | null>;
}

export class SpecService {
  private locations: SpecLocation[] | null = null;
  private readonly parsed = new Map<string, Parsed>();

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

  async get(specId: string): Promise<SpecWithSource> {
    const loc = (await this.locate()).find((l) => l.id === specId);
    if (!loc) throw new ApiError('NOT_FOUND', `No spec with id ${specId}`, 'specId');
    const { spec, hashes } = this.parse(loc);
    return { spec, tasksHash: spec.tasksFile ? (hashes.get(spec.tasksFile) ?? null) : null };
  }

  async setTaskState(
    specId: string,
    taskId: string,
    state: Exclude<TaskState, 'unknown'>,
    expectedHash: string,
  ): Promise<SpecWithSource> {
    const { spec } = await this.get(specId);
    if (!spec.tasksFile) throw new ApiError('NOT_FOUND', `Spec ${specId} has no tasks file`, 'specId');
    const absolute = await this.ws.resolve(spec.tasksFile);
    const current = await readCurrent(absolute);
    if (!current) throw new ApiError('CONFLICT', `${spec.tasksFile} was deleted on disk`);
    if (current.hash !== expectedHash) {
      this.forget([spec.tasksFile]);
      throw new ApiError('CONFLICT', `${spec.tasksFile} changed on disk since it was read; re-read it`);
    }
    const text = decodeUtf8(current.bytes);
    if (text === null) throw new ApiError('UNSUPPORTED', `${spec.tasksFile} is not valid UTF-8; not rewriting it`);
    const fresh = parseSpec(this.locationOf(spec), (p) => (p === spec.tasksFile ? text : this.readText(p)));
    const task = fresh.tasks.find((t) => t.id === taskId);
    if (!task) throw new ApiError('NOT_FOUND', `No task ${taskId} in ${spec.tasksFile}`, 'taskId');
    let next: string;
    try {
      next = setTaskState(text, task, state);
    } catch (error) {
      if (error instanceof TaskEditError) throw new ApiError('CONFLICT', error.message);
      throw error;
    }
    if (next !== text) await writeWorkspaceFile(this.ws, spec.tasksFile, next, expectedHash);
    this.forget([spec.tasksFile]);
    return this.get(specId);
  }

  /**
   * Drops what is cached for these changed paths; returns the ids of the specs they touch.
   * A change that may add or remove a spec re-runs discovery on the next read.
   */
  forget(changedPaths: readonly string[]): string[] {
    const touched = new Set<string>();
    for (const [id, entry] of this.parsed) {
      if (changedPaths.some((p) => entry.hashes.has(p) || p.startsWith(entry.spec.folder + '/'))) {
        this.parsed.delete(id);
        touched.add(id);
      }
    }
    if (changedPaths.some((p) => detectSpecs([p]).length > 0 || !p.includes('.'))) {
      this.locations = null;
    }
    return [...touched];
  }

  /** Forget everything: the next read re-discovers and re-parses. */
  reset(): void {
    this.locations = null;
    this.parsed.clear();
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
    const spec = parseSpec(loc, (p) => {
      const bytes = this.readBytes(p);
      hashes.set(p, bytes ? hashBytes(bytes) : null);
      return bytes ? decodeUtf8(bytes) : null;
    });
    const entry = { spec, hashes };
    this.parsed.set(loc.id, entry);
    return entry;
  }

  private readBytes(rel: string): Buffer | null {
    try {
      return readFileSync(path.join(this.ws.root, rel));
    } catch {
      return null;
    }
  }

  private readText(rel: string): string | null {
    const bytes = this.readBytes(rel);
    return bytes ? decodeUtf8(bytes) : null;
  }
}

// One open workspace and everything that serves it: ignore rules, specs, the watcher, events.
import type { ApiEvent, ApiEvents, WorkspaceInfo } from '../../shared/api/contract';
import { SerialQueue } from '../../shared/async/serial-queue';
import { inSpecLayout } from '../../shared/specs/formats/registry';
import { EvidenceService } from './evidence/evidence-service';
import { IndexService, type IndexServiceOptions } from './index/index-service';
import type { Recovery } from './storage/sqlite-database';
import { SpecService } from './specs/spec-service';
import { UiStateStore } from './storage/ui-state-store';
import { RecentFoldersStore } from './storage/recent-folders';
import { dataDir } from './storage/data-dir';
import { TraceService } from './trace/trace-service';
import type { ChangeBatch, WatchHandle } from './watch/watcher';
import { IgnoreRules } from './workspace/ignore-rules';
import { walkFiles } from './workspace/walk';
import { Workspace } from './workspace/workspace';


export type EventListener = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export interface SessionOptions {
  /** Watch the folder for outside changes (off for one-shot CLI commands). */
  watch?: boolean;
  /** Index the folder in the background; defaults to `watch` (off for one-shot CLI commands). */
  index?: boolean | IndexServiceOptions;
  /** Told when the index found its database unusable, moved it aside and started a new one. */
  onIndexRecovered?: (recovery: Recovery) => void;
  /**
   * The recent-folders list to keep, already loaded (the desktop app's, in its user-data folder,
   * so its menu, its grants and `workspace.recent` read one list). Without it a long-lived
   * session keeps its own in the data folder.
   */
  recentFolders?: RecentFoldersStore;
  /**
   * A one-shot command that changes no file (`specdeck check`): the tree is walked once and that
   * list serves spec discovery and evidence alike, instead of one walk each.
   */
  walkOnce?: boolean;
}

export class Session {
  private listeners = new Set<EventListener>();
  private state: {
    ws: Workspace;
    rules: IgnoreRules;
    specs: SpecService;
    watch: WatchHandle | null;
    index: IndexService | null;
    /** Opened on first use (or at once when the workspace already has a link store). */
    trace: TraceService | null;
    /** The workbench's saved UI state; opened on first use. */
    ui: UiStateStore | null;
    evidence: EvidenceService | null;
    /** The one walk of a walkOnce session (see SessionOptions). */
    walkOnce: (() => Promise<string[]>) | undefined;
  } | null = null;

  private readonly opening = new SerialQueue();
  /** Long-lived sessions (the app, the browser host) remember the folders they opened. */
  private readonly recent: RecentFoldersStore | null;
  private recentLoaded: Promise<unknown> | null = null;

  constructor(private readonly options: SessionOptions = {}) {
    if (options.recentFolders) {
      this.recent = options.recentFolders;
      this.recentLoaded = Promise.resolve();
    } else this.recent = options.watch ? new RecentFoldersStore(dataDir()) : null;
  }

  /** Folders this backend opened, most recent first (empty for one-shot sessions). */
  async recentFolders(): Promise<string[]> {
    if (!this.recent) return [];
    await (this.recentLoaded ??= this.recent.load());
    return this.recent.list();
  }

  static async open(folder: string, options: SessionOptions = {}): Promise<Session> {
    const session = new Session(options);
    await session.open(folder);
    return session;
  }

  /** Opens are serialised: two at once would each close "the" old workspace and leak one. */
  open(folder: string): Promise<WorkspaceInfo> {
    return this.opening.run(() => this.openNow(folder));
  }

  private async openNow(folder: string): Promise<WorkspaceInfo> {
    const ws = await Workspace.open(folder); // throws NOT_FOUND / INVALID_ARGUMENT before we let go of the old one
    await this.closeWorkspace();
    const rules = new IgnoreRules(ws.root);
    // Starting the index only spawns its worker: the open never waits for the scan.
    const indexOption = this.options.index ?? this.options.watch ?? false; // long-lived sessions index
    const index = indexOption
      ? IndexService.start(ws.root, indexOption === true ? {} : indexOption, {
          progress: (progress) => this.emit('index.progress', progress),
          recovered: this.options.onIndexRecovered,
        })
      : null;
    let walked: Promise<string[]> | null = null;
    const walkOnce = this.options.walkOnce ? () => (walked ??= walkFiles(ws.root, rules)) : undefined;
    const specs = index
      ? new SpecService(ws, rules, () => index.listFiles().catch(() => walkFiles(ws.root, rules))) // a failed index must not hide the specs
      : new SpecService(ws, rules, walkOnce);
    const state: NonNullable<Session['state']> = { ws, rules, specs, watch: null, index, trace: null, ui: null, evidence: null, walkOnce };
    this.state = state;
    if (this.options.watch) {
      const { watchWorkspace } = await import('./watch/watcher'); // one-shot CLI commands never load the watcher
      state.watch = await watchWorkspace(ws, (batch) => this.onChanges(batch));
    }
    const info = this.info();
    if (this.recent) {
      // A failed write of the list must not fail the open.
      await (this.recentLoaded ??= this.recent.load());
      await this.recent.add(ws.root).catch(() => {});
    }
    this.emit('workspace.changed', info);
    return info;
  }

  info(): WorkspaceInfo {
    const { ws } = this.current();
    return { root: ws.root, name: ws.name };
  }

  get workspace(): Workspace {
    return this.current().ws;
  }
  get rules(): IgnoreRules {
    return this.current().rules;
  }
  get specs(): SpecService {
    return this.current().specs;
  }
  /** The workspace index, or null when the session runs without one. */
  get index(): IndexService | null {
    return this.current().index;
  }

  /** The workspace's traceability (opens, or creates, its link store). */
  get trace(): TraceService {
    const state = this.current();
    state.trace ??= TraceService.open(state.ws, state.rules, state.specs, (event, payload) => this.emit(event, payload));
    return state.trace;
  }

  /** The workbench's UI state store for this workspace (opened, or created, on first use). */
  get uiState(): UiStateStore {
    const state = this.current();
    state.ui ??= UiStateStore.open(state.ws.root);
    return state.ui;
  }

  /** Evidence per task; reads the link store only when the workspace has one (fresh clones have none). */
  get evidence(): EvidenceService {
    const state = this.current();
    // One per workspace: it keeps the history it read for HEAD (see EvidenceService).
    state.evidence ??= new EvidenceService({ ws: state.ws, rules: state.rules, specs: state.specs, traceIfPresent: () => this.traceIfPresent(), listFiles: state.walkOnce });
    return state.evidence;
  }

  /** The traceability service when this workspace has a link store; null otherwise (nothing is created). */
  traceIfPresent(): TraceService | null {
    const state = this.current();
    if (!state.trace && !TraceService.exists(state.ws.root)) return null;
    return this.trace;
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  async close(): Promise<void> {
    await this.closeWorkspace();
    this.listeners.clear();
  }

  private onChanges(batch: ChangeBatch): void {
    const paths = [...batch.created, ...batch.updated, ...batch.deleted];
    const { rules, specs } = this.current();
    for (const p of paths) {
      if (p === '.gitignore' || p.endsWith('/.gitignore')) rules.invalidate(p.slice(0, Math.max(0, p.lastIndexOf('/'))));
    }
    specs.forget(paths); // drop stale parses at once; the events wait for the index below
    // Links follow outside edits (another editor, a branch switch); a failure must not stop the events.
    this.traceIfPresent()?.onExternalChanges(paths).catch((error: unknown) => console.error('specdeck: re-anchoring links failed:', error));
    const { index } = this.current();
    const announce = () => {
      // The spec list is read from the index: forget again once the index has these paths, so a
      // list taken in between is not kept.
      const specIds = specs.forget(paths);
      this.emit('files.changed', { paths });
      if (specIds.length > 0 || paths.some(inSpecLayout)) this.emit('specs.changed', { specIds });
    };
    // With an index, tell the renderer once the index has the change, so a search or spec list it
    // asks for in response already sees it.
    if (index) void index.applyChanges(paths).then(announce, announce);
    else announce();
  }

  private current() {
    if (!this.state) throw new Error('no workspace is open');
    return this.state;
  }

  private async closeWorkspace(): Promise<void> {
    await this.state?.watch?.close();
    await this.state?.index?.close();
    this.state?.trace?.close();
    this.state?.ui?.close();
    this.state?.evidence?.close();
    this.state = null;
  }
}

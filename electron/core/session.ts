// One open workspace and everything that serves it: ignore rules, specs, the watcher, events.
import type { ApiEvent, ApiEvents, WorkspaceInfo } from '../../shared/api/contract';
import { SpecService } from './specs/spec-service';
import { watchWorkspace, type ChangeBatch, type WatchHandle } from './watch/watcher';
import { IgnoreRules } from './workspace/ignore-rules';
import { Workspace } from './workspace/workspace';

export type EventListener = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

export interface SessionOptions {
  /** Watch the folder for outside changes (off for one-shot CLI commands). */
  watch?: boolean;
}

export class Session {
  private listeners = new Set<EventListener>();
  private state: { ws: Workspace; rules: IgnoreRules; specs: SpecService; watch: WatchHandle | null } | null = null;

  constructor(private readonly options: SessionOptions = {}) {}

  static async open(folder: string, options: SessionOptions = {}): Promise<Session> {
    const session = new Session(options);
    await session.open(folder);
    return session;
  }

  async open(folder: string): Promise<WorkspaceInfo> {
    const ws = await Workspace.open(folder); // throws NOT_FOUND / INVALID_ARGUMENT before we let go of the old one
    await this.closeWorkspace();
    const rules = new IgnoreRules(ws.root);
    const specs = new SpecService(ws, rules);
    this.state = { ws, rules, specs, watch: null };
    if (this.options.watch) this.state.watch = await watchWorkspace(ws, (batch) => this.onChanges(batch));
    const info = this.info();
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
    const specIds = specs.forget(paths);
    this.emit('files.changed', { paths });
    if (specIds.length > 0 || paths.some((p) => p.includes('/specs/') || p.includes('.kiro/'))) {
      this.emit('specs.changed', { specIds });
    }
  }

  private current() {
    if (!this.state) throw new Error('no workspace is open');
    return this.state;
  }

  private async closeWorkspace(): Promise<void> {
    await this.state?.watch?.close();
    this.state = null;
  }
}

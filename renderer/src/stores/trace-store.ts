// Traceability in the renderer: the active task, the selected spec's trace report (links per
// task, coverage) and the links into the file open in the editor (gutter marks).
import { create } from 'zustand';
import type { ActiveTask, TraceLink, TraceSpecReport } from '../../../shared/api/contract';
import type { Task } from '../../../shared/specs/model';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { useSpecs } from './specs-store';
import { useWorkspace } from './workspace-store';

interface TraceState {
  active: ActiveTask | null;
  report: TraceSpecReport | null;
  /** Links into each open file, by path, for the gutter. */
  fileLinks: Record<string, TraceLink[]>;
  loadActive(): Promise<void>;
  setActive(active: ActiveTask | null): void;
  start(task: Task): Promise<void>;
  stop(complete: boolean): Promise<void>;
  loadReport(specId: string | null): Promise<void>;
  loadFileLinks(path: string): Promise<void>;
  accept(linkIds: string[]): Promise<void>;
  copyTrailer(): Promise<void>;
  installHook(): Promise<void>;
  reset(): void;
}

const notify = (kind: 'info' | 'error', text: string) => useWorkspace.getState().notify({ kind, text });

export const useTrace = create<TraceState>((set, get) => ({
  active: null,
  report: null,
  fileLinks: {},

  async loadActive() {
    try {
      set({ active: await api().call('trace.active', {}) });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  },

  setActive(active) {
    set({ active });
  },

  async start(task) {
    const selected = useSpecs.getState().selected;
    if (!selected || selected.tasksHash === null) return;
    try {
      const { active, spec } = await api().call('trace.start', { specId: selected.spec.id, taskId: task.id, expectedHash: selected.tasksHash });
      set({ active });
      useSpecs.getState().replaceSelected(spec);
      notify('info', `Working on ${active.taskId} ${active.title}: saves now link to it`);
    } catch (error) {
      notify('error', errorMessage(error));
      await useSpecs.getState().select(selected.spec.id);
    }
  },

  async stop(complete) {
    const selected = useSpecs.getState().selected;
    const active = get().active;
    if (!active) return;
    try {
      const sameFile = selected && selected.spec.id === active.specId && selected.tasksHash !== null;
      const { spec } = await api().call('trace.stop', sameFile ? { complete, expectedHash: selected.tasksHash! } : { complete });
      set({ active: null });
      if (spec && useSpecs.getState().selected?.spec.id === spec.spec.id) useSpecs.getState().replaceSelected(spec);
      notify('info', complete ? `Completed ${active.taskId} ${active.title}` : `Stopped ${active.taskId} ${active.title}`);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  },

  async loadReport(specId) {
    if (specId === null) {
      set({ report: null });
      return;
    }
    try {
      const report = await api().call('trace.spec', { specId });
      if (useSpecs.getState().selectedId === specId) set({ report });
    } catch (error) {
      set({ report: null });
      notify('error', errorMessage(error));
    }
  },

  async loadFileLinks(path) {
    try {
      const links = await api().call('trace.fileLinks', { path });
      set((s) => ({ fileLinks: { ...s.fileLinks, [path]: links } }));
    } catch {
      set((s) => ({ fileLinks: { ...s.fileLinks, [path]: [] } })); // binary, deleted: no marks
    }
  },

  async accept(linkIds) {
    try {
      await api().call('trace.accept', { linkIds });
      await get().loadReport(useSpecs.getState().selectedId);
      notify('info', linkIds.length === 1 ? 'Link accepted' : `${linkIds.length} links accepted`);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  },

  async copyTrailer() {
    try {
      const { trailer } = await api().call('trace.trailer', {});
      if (!trailer) return;
      await navigator.clipboard.writeText(trailer).catch(() => {});
      notify('info', `Copied: ${trailer}`);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  },

  async installHook() {
    try {
      const result = await api().call('trace.installHook', {});
      notify(result.installed ? 'info' : 'error', result.message);
    } catch (error) {
      notify('error', errorMessage(error));
    }
  },

  reset() {
    set({ active: null, report: null, fileLinks: {} });
  },
}));

/** The selected spec's links by task ID, from the trace report (one lookup per row). */
export function linksByTaskId(report: TraceSpecReport | null): Map<string, TraceLink[]> {
  return new Map((report?.tasks ?? []).map((t) => [t.taskId, t.links]));
}

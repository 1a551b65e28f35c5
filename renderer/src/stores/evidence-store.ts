// Evidence per task of the selected spec (count and status per task, the quiet "done without
// evidence" marker), reloaded whenever the spec's trace report is (links changed, tasks ticked).
import { create } from 'zustand';
import type { SpecEvidence, TaskEvidence } from '../../../shared/evidence/model';
import { api } from '../api/client-instance';
import { errorMessage } from '../api/error-message';
import { REPORT_TAB, useEditor } from './editor-store';
import { useTrace } from './trace-store';
import { useWorkspace } from './workspace-store';
import { LatestCall } from '../../../shared/async/latest-call';

interface EvidenceState {
  evidence: SpecEvidence | null;
  load(specId: string | null): Promise<void>;
  /** Builds the report of the spec and hands its HTML to the browser as a file to save. */
  saveReport(specId: string): Promise<void>;
  /** The report shown in the app's report tab (its HTML), and for which spec. */
  reportHtml: string | null;
  reportSpecId: string | null;
  /** Builds the spec's report and shows it in its own editor tab. */
  openReport(specId: string): Promise<void>;
  /** Builds the spec's report for the tab, without activating it (spec switch, ticks, restore). */
  loadReport(specId: string): Promise<void>;
  closeReport(): void;
  saveHtml(specId: string, html: string): void;
}

// A later load wins over a slower earlier one.
const loads = new LatestCall();
const reportLoads = new LatestCall();

export const useEvidence = create<EvidenceState>((set, get) => ({
  evidence: null,
  reportHtml: null,
  reportSpecId: null,
  async openReport(specId) {
    await get().loadReport(specId);
    if (get().reportSpecId === specId) await useEditor.getState().open(REPORT_TAB);
  },
  async loadReport(specId) {
    const isLatest = reportLoads.begin();
    try {
      const { html } = await api().call('evidence.report', { specId });
      if (isLatest()) set({ reportHtml: html, reportSpecId: specId });
    } catch (error) {
      useWorkspace.getState().notify({ kind: 'error', text: errorMessage(error) });
    }
  },
  closeReport() {
    set({ reportHtml: null, reportSpecId: null });
  },
  saveHtml(specId, html) {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `evidence-${specId.split('/').at(-1) ?? 'report'}.html`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  async load(specId) {
    const isLatest = loads.begin();
    if (specId === null) {
      set({ evidence: null });
      return;
    }
    try {
      const evidence = await api().call('evidence.spec', { specId });
      if (isLatest()) set({ evidence });
    } catch {
      if (isLatest()) set({ evidence: null }); // no marks rather than stale ones
    }
  },
  async saveReport(specId) {
    try {
      const { html } = await api().call('evidence.report', { specId });
      get().saveHtml(specId, html);
    } catch (error) {
      useWorkspace.getState().notify({ kind: 'error', text: errorMessage(error) });
    }
  },
}));

// The trace report is reloaded on every link change, tick and spec switch: evidence follows it.
useTrace.subscribe((state, previous) => {
  if (state.report === previous.report) return;
  void useEvidence.getState().load(state.report?.specId ?? null);
  // The report tab follows the selected spec, as the trace tab does, and its ticks and links.
  const specId = state.report?.specId ?? null;
  const tabOpen = useEditor.getState().tabs.some((t) => t.path === REPORT_TAB);
  if (tabOpen && specId !== null) void useEvidence.getState().loadReport(specId);
  else if (useEvidence.getState().reportSpecId !== specId) useEvidence.getState().closeReport();
});

/**
 * The evidence of one task of `specId`: undefined while that spec's evidence is not loaded (none
 * yet, or still the previous spec's, whose task IDs may be the same), null when it has no entry.
 */
export function useTaskEvidence(specId: string, taskId: string): TaskEvidence | null | undefined {
  return useEvidence((s) => (s.evidence?.specId === specId ? (s.evidence.tasks.find((t) => t.taskId === taskId) ?? null) : undefined));
}

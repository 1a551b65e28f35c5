// The specs' diagnostics as Monaco markers in the files they are in (the Problems view's rows).
import type { SpecDiagnostic } from '../../../../shared/api/contract';
import { getModel } from './models';
import { monaco } from './setup';

const OWNER = 'specdeck-specs';

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info } as const;

/** Sets the markers of every open file in `paths` (files without diagnostics get none). */
export function applySpecMarkers(diagnostics: readonly SpecDiagnostic[], paths: readonly string[]): void {
  const byFile = new Map<string, SpecDiagnostic[]>();
  for (const d of diagnostics) {
    let list = byFile.get(d.pos.file);
    if (!list) byFile.set(d.pos.file, (list = []));
    list.push(d);
  }
  for (const path of paths) {
    const model = getModel(path);
    if (!model || model.isDisposed()) continue;
    const lines = model.getLineCount();
    const markers = (byFile.get(path) ?? []).map((d) => {
      const line = Math.min(Math.max(1, d.pos.line), lines);
      return {
        severity: SEVERITY[d.severity],
        message: d.message,
        code: d.code,
        source: 'specdeck',
        startLineNumber: line,
        startColumn: Math.max(1, d.pos.column),
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      };
    });
    monaco.editor.setModelMarkers(model, OWNER, markers);
  }
}

// The evidence report tab: the same self-contained HTML `specdeck report --html` writes, for the
// selected spec, shown in a shadow root (its styles stay its own) after DOMPurify, and saved as a
// file. Frames are not allowed by the renderer's CSP, and the report needs no script.
import DOMPurify from 'dompurify';
import { useEffect, useRef } from 'react';
import { useEvidence } from '../stores/evidence-store';
import { useSpecs } from '../stores/specs-store';

export function EvidenceReportView() {
  const { reportHtml, reportSpecId, loadReport, saveHtml } = useEvidence();
  const selectedId = useSpecs((s) => s.selectedId);
  const host = useRef<HTMLDivElement>(null);
  // A tab restored after a reload, or the selected spec changed while the tab was elsewhere.
  useEffect(() => {
    if (selectedId && selectedId !== reportSpecId) void loadReport(selectedId);
  }, [selectedId, reportSpecId, loadReport]);
  const current = reportHtml !== null && reportSpecId !== null && reportSpecId === selectedId;
  useEffect(() => {
    const el = host.current;
    if (!el || !current || reportHtml === null) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    // DOMParser documents run nothing; the body is sanitised, the report's own CSS kept as text.
    const doc = new DOMParser().parseFromString(reportHtml, 'text/html');
    const style = document.createElement('style');
    style.textContent = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n').replace(/:root\b|(?<=^|[\s,}])body\b/g, ':host');
    const body = document.createElement('div');
    body.innerHTML = DOMPurify.sanitize(doc.body.innerHTML, { FORBID_TAGS: ['img', 'form', 'input', 'iframe', 'style'] });
    root.replaceChildren(style, body);
  }, [reportHtml, current]);
  if (!selectedId) return <p className="empty">Select a spec to see its evidence report.</p>;
  return (
    <section className="evidence-report" aria-label="Evidence report">
      <div className="trace-actions">
        <button type="button" disabled={!current} onClick={() => current && saveHtml(reportSpecId!, reportHtml!)}>
          Save evidence report
        </button>
      </div>
      {!current && <p className="empty">Reading the evidence report…</p>}
      <div ref={host} className="evidence-report-body" hidden={!current} />
    </section>
  );
}

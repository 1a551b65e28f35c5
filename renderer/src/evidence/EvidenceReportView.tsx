// The evidence report inside the app: the same self-contained HTML `specdeck report --html`
// writes, shown in a shadow root (its styles stay its own) after DOMPurify, and saved as a file.
// Frames are not allowed by the renderer's CSP, and the report needs no script.
import DOMPurify from 'dompurify';
import { useEffect, useRef } from 'react';
import { useEvidence } from '../stores/evidence-store';

export function EvidenceReportView() {
  const { reportHtml, reportSpecId, closeReport, saveHtml } = useEvidence();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || reportHtml === null) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    // DOMParser documents run nothing; the body is sanitised, the report's own CSS kept as text.
    const doc = new DOMParser().parseFromString(reportHtml, 'text/html');
    const style = document.createElement('style');
    style.textContent = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n').replace(/:root\b|(?<=^|[\s,}])body\b/g, ':host');
    const body = document.createElement('div');
    body.innerHTML = DOMPurify.sanitize(doc.body.innerHTML, { FORBID_TAGS: ['img', 'form', 'input', 'iframe', 'style'] });
    root.replaceChildren(style, body);
  }, [reportHtml]);
  if (reportHtml === null || reportSpecId === null) return null;
  return (
    <section className="evidence-report" aria-label="Evidence report">
      <div className="trace-actions">
        <button type="button" onClick={() => saveHtml(reportSpecId, reportHtml)}>
          Save evidence report
        </button>
        <button type="button" onClick={closeReport}>
          Close report
        </button>
      </div>
      <div ref={host} className="evidence-report-body" />
    </section>
  );
}

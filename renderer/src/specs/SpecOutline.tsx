// The selected spec's outline, under the explorer's list: its documents in reading order (each
// opens rendered in the centre) and, under the one last opened, its requirements (each shows its
// anchor in the rendered document).
import { useMemo } from 'react';
import type { Spec } from '../../../shared/specs/model';
import { useSpecs } from '../stores/specs-store';
import { ChangeMeta } from './ChangeMeta';
import { documentLabels } from './document-labels';
import { orderedDocuments } from './document-order';

/** The outline lists headings-level requirements only (Kiro criteria are many and numbered). */
const OUTLINE_KINDS = new Set(['requirement', 'user-story', 'functional', 'success-criterion']);

export function SpecOutline({ spec }: { spec: Spec }) {
  const { docPath, showDocument, focusRequirement } = useSpecs();
  const labels = useMemo(() => documentLabels(spec.documents), [spec.documents]);
  const requirements = useMemo(() => spec.requirements.filter((r) => OUTLINE_KINDS.has(r.kind)), [spec.requirements]);
  if (spec.documents.length === 0) return <p className="empty">This spec has no documents.</p>;
  return (
    <nav className="spec-outline" aria-label="Spec outline">
      <h3 className="outline-title" title={spec.folder}>
        {spec.title}
      </h3>
      <ChangeMeta spec={spec} />
      <ul aria-label="Spec documents">
        {orderedDocuments(spec.documents, spec.format).map((d) => {
          const current = d.path === docPath;
          const own = current ? requirements.filter((r) => r.pos.file === d.path) : [];
          return (
            <li key={d.path}>
              <button type="button" className={current ? 'outline-doc current' : 'outline-doc'} aria-current={current ? 'true' : undefined} title={d.path} onClick={() => void showDocument(d.path)}>
                {labels.get(d.path)}
              </button>
              {own.length > 0 && (
                <ul className="outline-requirements" aria-label={`Requirements in ${labels.get(d.path)}`}>
                  {own.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="outline-req" title={r.text || r.title} onClick={() => focusRequirement(r.id)}>
                        <span className="outline-req-id">{r.id}</span> {r.title && r.title !== r.id ? r.title : ''}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

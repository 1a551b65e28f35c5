// The selected spec's documents as tabs (Requirements / Design / Tasks, or the Spec Kit and
// OpenSpec equivalents), rendered from markdown with requirement IDs as anchors.
import { useMemo } from 'react';
import type { Spec, SpecDocument } from '../../../shared/specs/model';
import { anchorId, type LineAnchor } from '../markdown/render';
import { useEditor } from '../stores/editor-store';
import { useSpecs } from '../stores/specs-store';
import { orderedDocuments } from './document-order';
import { ChangeMeta } from './ChangeMeta';
import { MarkdownView } from '../markdown/MarkdownView';

const KIND_LABEL: Record<string, string> = {
  requirements: 'Requirements',
  bugfix: 'Bugfix',
  design: 'Design',
  tasks: 'Tasks',
  spec: 'Spec',
  plan: 'Plan',
  proposal: 'Proposal',
  research: 'Research',
  'data-model': 'Data model',
  quickstart: 'Quickstart',
};

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Tab labels: the kind, or the file name when two documents share a kind (OpenSpec deltas). */
function labels(documents: SpecDocument[]): Map<string, string> {
  const perKind = new Map<string, number>();
  for (const d of documents) perKind.set(d.kind, (perKind.get(d.kind) ?? 0) + 1);
  return new Map(
    documents.map((d) => {
      const base = KIND_LABEL[d.kind] ?? d.kind.charAt(0).toUpperCase() + d.kind.slice(1);
      const parent = d.path.split('/').slice(-2, -1)[0] ?? '';
      if (d.kind === 'delta') return [d.path, `Delta: ${parent}`]; // OpenSpec change: the capability it changes
      return [d.path, perKind.get(d.kind)! > 1 ? `${base} (${parent}/${fileName(d.path)})` : base];
    }),
  );
}

function anchorsFor(spec: Spec, path: string): LineAnchor[] {
  return spec.requirements.filter((r) => r.pos.file === path).map((r) => ({ id: r.id, line: r.pos.line }));
}

export function SpecDocuments({ spec }: { spec: Spec }) {
  const { docPath, docs, showDocument, focus } = useSpecs();
  const open = useEditor((s) => s.open);
  const tabLabels = useMemo(() => labels(spec.documents), [spec.documents]);
  const anchors = useMemo(() => (docPath ? anchorsFor(spec, docPath) : []), [spec, docPath]);
  const text = docPath ? docs[docPath] : undefined;
  const flash = focus && focus.specId === spec.id ? { elementId: anchorId(focus.requirementId), nonce: focus.nonce } : null;
  if (spec.documents.length === 0) return <p className="empty">This spec has no documents.</p>;
  return (
    <div className="spec-documents">
      <ChangeMeta spec={spec} />
      <div className="doc-tabs" role="tablist" aria-label="Spec documents">
        {orderedDocuments(spec.documents, spec.format).map((d) => (
          <button
            key={d.path}
            type="button"
            role="tab"
            aria-selected={d.path === docPath}
            title={d.path}
            onClick={() => void showDocument(d.path)}
          >
            {tabLabels.get(d.path)}
          </button>
        ))}
      </div>
      {docPath && (
        <div className="doc-toolbar">
          <code className="doc-path" title={docPath}>
            {docPath}
          </code>
          <button type="button" className="icon-button" onClick={() => void open(docPath)}>
            Open in editor
          </button>
        </div>
      )}
      <div className="doc-body" role="tabpanel" aria-label={docPath ? tabLabels.get(docPath) : undefined} tabIndex={0}>
        {text === undefined && <p className="empty">Reading…</p>}
        {typeof text === 'object' && <p className="error">{text.error}</p>}
        {typeof text === 'string' && docPath && /\.(md|markdown)$/i.test(docPath) && (
          <MarkdownView source={text} path={docPath} anchors={anchors} label={tabLabels.get(docPath) ?? docPath} flash={flash} />
        )}
        {typeof text === 'string' && docPath && !/\.(md|markdown)$/i.test(docPath) && <pre className="doc-raw">{text}</pre>}
      </div>
    </div>
  );
}

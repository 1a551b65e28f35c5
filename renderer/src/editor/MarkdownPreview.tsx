// A markdown tab rendered (alone, or beside the source), following the editor's text as it is
// typed. Spec documents get their requirement anchors and the flash of a requirement shown from
// the task list. A document too large to render quickly says so and offers the source.
import { useEffect, useMemo, useRef, useState } from 'react';
import { getModel } from './monaco/models';
import { MarkdownView } from '../markdown/MarkdownView';
import { anchorId, type LineAnchor } from '../markdown/render';
import { documentLabels } from '../specs/document-labels';
import { useEditor } from '../stores/editor-store';
import { useSpecs } from '../stores/specs-store';
import { useRenderedScroll } from './use-rendered-scroll';

/** Above this many characters a document is not rendered (marked would block the page for long). */
export const RENDER_LIMIT = 1_000_000;

const NO_ANCHORS: LineAnchor[] = [];

/** The selected spec's requirement anchors in this file, its label, and a pending flash. */
function useSpecDocument(path: string) {
  const spec = useSpecs((s) => s.selected?.spec);
  const focus = useSpecs((s) => s.focus);
  const owned = spec?.documents.some((d) => d.path === path) ?? false;
  const anchors = useMemo(
    () => (spec && owned ? spec.requirements.filter((r) => r.pos.file === path).map((r) => ({ id: r.id, line: r.pos.line })) : NO_ANCHORS),
    [spec, owned, path],
  );
  const label = spec && owned ? documentLabels(spec.documents).get(path) : undefined;
  const requirement = focus && spec && focus.specId === spec.id ? spec.requirements.find((r) => r.id === focus.requirementId) : undefined;
  const flash = focus && requirement?.pos.file === path ? { elementId: anchorId(focus.requirementId), nonce: focus.nonce } : null;
  return { anchors, label, flash };
}

export function MarkdownPreview({ path, beside }: { path: string; beside: boolean }) {
  const [text, setText] = useState(() => getModel(path)?.getValue() ?? '');
  const { anchors, label, flash } = useSpecDocument(path);
  useEffect(() => {
    const model = getModel(path);
    if (!model) return;
    setText(model.getValue());
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Re-render at most every 150 ms while typing: a long document must not slow the keystrokes.
    const sub = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setText(model.getValue()), 150);
    });
    return () => {
      clearTimeout(timer);
      sub.dispose();
    };
  }, [path]);
  const name = beside ? `Preview of ${path}` : (label ?? `Rendered ${path}`);
  const box = useRef<HTMLDivElement>(null);
  const tooLarge = text.length > RENDER_LIMIT;
  useRenderedScroll(box, path, !tooLarge);
  if (tooLarge) {
    return (
      <div className="markdown-preview too-large" role="status">
        <p>
          {path} is {(text.length / 1024 / 1024).toFixed(1)} MB: too large to render here without slowing the editor.
        </p>
        <button type="button" className="icon-button" onClick={() => useEditor.getState().setViewMode(path, 'source')}>
          Show the source
        </button>
      </div>
    );
  }
  return (
    <div ref={box} className={beside ? 'markdown-preview beside' : 'markdown-preview'} data-testid="markdown-preview">
      <MarkdownView source={text} path={path} anchors={anchors} label={name} flash={flash} />
    </div>
  );
}

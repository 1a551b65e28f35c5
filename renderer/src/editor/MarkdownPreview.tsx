// The rendered preview beside a markdown file, following the editor's text as it is typed.
import { useEffect, useState } from 'react';
import { getModel } from './monaco/models';
import { MarkdownView } from '../markdown/MarkdownView';

export function MarkdownPreview({ path }: { path: string }) {
  const [text, setText] = useState(() => getModel(path)?.getValue() ?? '');
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
  return (
    <div className="markdown-preview" data-testid="markdown-preview">
      <MarkdownView source={text} path={path} label={`Preview of ${path}`} />
    </div>
  );
}

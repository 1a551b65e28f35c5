// The rendered view's scroll is part of each tab's saved UI state: written by snapshot, read back
// by parseSaved (a bad value is dropped, not trusted) and put back by restoreEarly. Monaco cannot
// load in Node: its models module (which no code here reaches) is stood in for.
import { describe, expect, it, vi } from 'vitest';
import { renderedScroll, setRenderedScroll } from '../../../renderer/src/editor/view-positions';
import { parseSaved, restoreEarly, snapshot } from '../../../renderer/src/stores/persistence';
import { useEditor } from '../../../renderer/src/stores/editor-store';

vi.mock('../../../renderer/src/editor/monaco/models', () => ({
  createModel: () => null,
  disposeModel: () => {},
  getModel: () => undefined,
  textToSave: () => '',
}));

const tab = (path: string) => ({ path, kind: 'text' as const, size: 1, hash: 'h', savedVersion: 1, dirty: false, conflict: false, preview: false });

describe('renderedScroll in the saved UI state', () => {
  it('is saved per tab, only for tabs whose rendered view was scrolled', () => {
    useEditor.setState({ tabs: [tab('a.md'), tab('b.md')], active: 'a.md', viewMode: { 'a.md': 'rendered' } });
    setRenderedScroll('a.md', 1234.6);
    const saved = snapshot();
    expect(saved.tabs).toEqual([
      expect.objectContaining({ path: 'a.md', view: 'rendered', renderedScroll: 1235 }),
      expect.objectContaining({ path: 'b.md', renderedScroll: undefined }),
    ]);
  });

  it('is read back, dropping what is not a positive finite number, and restored before the tabs show', () => {
    const parsed = parseSaved(
      JSON.parse(
        JSON.stringify({
          ...snapshot(),
          tabs: [
            { path: 'a.md', preview: false, view: 'rendered', renderedScroll: 880 },
            { path: 'b.md', preview: false, renderedScroll: 'lots' },
            { path: 'c.md', preview: false, renderedScroll: -5 },
          ],
        }),
      ),
    );
    expect(parsed?.tabs.map((t) => t.renderedScroll)).toEqual([880, undefined, undefined]);
    restoreEarly(parsed!);
    expect(renderedScroll('a.md')).toBe(880);
    expect(renderedScroll('b.md')).toBeUndefined();
  });
});

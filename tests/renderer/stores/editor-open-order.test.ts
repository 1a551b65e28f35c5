// Opens apply in the order they were asked for: the last one asked for is the active tab, even when
// an earlier read answers after it. Selecting a spec opens its first document as a preview while the
// user already clicks another: the small file's read answering last replaced the preview the user
// chose (a loaded npm test lost its design.md tab to requirements.md this way). Monaco cannot run in
// Node and the API is the renderer's boundary: both are stood in for here (a text model; an
// ApiClient whose reads answer when the test says so).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';

vi.mock('../../../renderer/src/editor/monaco/models', () => ({
  createModel: () => ({ getAlternativeVersionId: () => 1 }),
  getModel: () => undefined,
  disposeModel: () => {},
  textToSave: () => '',
}));

const { setApi } = await import('../../../renderer/src/api/client-instance');
const { useEditor } = await import('../../../renderer/src/stores/editor-store');

/** An API whose fs.read calls wait until `answer(path)`. */
function slowReads() {
  const waiting = new Map<string, () => void>();
  const api: ApiClient = {
    call: (async (method: string, params: { path: string }) => {
      if (method !== 'fs.read') throw new Error(`unexpected call ${method}`);
      await new Promise<void>((resolve) => waiting.set(params.path, resolve));
      return { kind: 'text', path: params.path, content: `text of ${params.path}`, hash: `h-${params.path}`, size: 10 };
    }) as ApiClient['call'],
    on: () => () => {},
  };
  return { api, answer: (path: string) => waiting.get(path)!(), asked: () => [...waiting.keys()] };
}

const shown = () => ({ tabs: useEditor.getState().tabs.map((t) => `${t.path}${t.preview ? ' (preview)' : ''}`), active: useEditor.getState().active });

describe('editor: opens in the order asked', () => {
  beforeEach(() => useEditor.getState().reset());

  it('a preview asked for earlier but read later does not replace the one asked for last', async () => {
    const reads = slowReads();
    setApi(reads.api);
    const first = useEditor.getState().open('requirements.md', { preview: true });
    const last = useEditor.getState().open('design.md', { preview: true });
    await vi.waitFor(() => expect(reads.asked()).toHaveLength(2));
    reads.answer('design.md');
    await last;
    reads.answer('requirements.md');
    await first;
    expect(shown()).toEqual({ tabs: ['design.md (preview)'], active: 'design.md' });
  });

  it('a pinned open read later still gets its tab, without taking the focus from the last one', async () => {
    const reads = slowReads();
    setApi(reads.api);
    const first = useEditor.getState().open('notes.md');
    const last = useEditor.getState().open('design.md', { preview: true });
    await vi.waitFor(() => expect(reads.asked()).toHaveLength(2));
    reads.answer('design.md');
    await last;
    reads.answer('notes.md');
    await first;
    expect(shown()).toEqual({ tabs: ['design.md (preview)', 'notes.md'], active: 'design.md' });
  });

  it('in order, each open shows its file (the later preview replaces the earlier one)', async () => {
    const reads = slowReads();
    setApi(reads.api);
    const first = useEditor.getState().open('requirements.md', { preview: true });
    await vi.waitFor(() => expect(reads.asked()).toHaveLength(1));
    reads.answer('requirements.md');
    await first;
    expect(shown()).toEqual({ tabs: ['requirements.md (preview)'], active: 'requirements.md' });
    const last = useEditor.getState().open('design.md', { preview: true });
    await vi.waitFor(() => expect(reads.asked()).toHaveLength(2));
    reads.answer('design.md');
    await last;
    expect(shown()).toEqual({ tabs: ['design.md (preview)'], active: 'design.md' });
  });
});

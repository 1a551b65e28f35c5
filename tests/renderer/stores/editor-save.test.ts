// A second Ctrl+S while the first save is still being written is queued, not dropped: it runs once
// the first answers, with the hash that save returned, and writes the text typed in between.
// Monaco cannot run in Node and the API is the renderer's boundary: both are stood in for here
// (a text model with version ids; an ApiClient whose writes answer when the test says so).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';

interface FakeModel {
  text: string;
  version: number;
  getAlternativeVersionId(): number;
  type(more: string): void;
}

const models = new Map<string, FakeModel>();

vi.mock('../../../renderer/src/editor/monaco/models', () => ({
  createModel: (path: string, content: string) => {
    const model: FakeModel = {
      text: content,
      version: 1,
      getAlternativeVersionId: () => model.version,
      type: (more) => {
        model.text += more;
        model.version += 1;
      },
    };
    models.set(path, model);
    return model;
  },
  getModel: (path: string) => models.get(path),
  disposeModel: (path: string) => models.delete(path),
  textToSave: (model: FakeModel) => model.text,
}));

const { setApi } = await import('../../../renderer/src/api/client-instance');
const { useEditor } = await import('../../../renderer/src/stores/editor-store');

interface Write {
  content: string;
  expectedHash: string | null;
  answer: (hash: string) => void;
}

function fakeApi(writes: Write[]): ApiClient {
  return {
    call: (async (method: string, params: { path: string; content: string; expectedHash: string | null }) => {
      if (method === 'fs.read') return { kind: 'text', path: params.path, content: 'a', hash: 'h0', size: 1 };
      if (method === 'fs.write') {
        return new Promise<{ hash: string; size: number }>((resolve) => {
          writes.push({ content: params.content, expectedHash: params.expectedHash, answer: (hash) => resolve({ hash, size: params.content.length }) });
        });
      }
      throw new Error(`unexpected call ${method}`);
    }) as ApiClient['call'],
    on: () => () => {},
  };
}

/** Lets queued work run (macrotask turns, not a clock) until `condition` holds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn > 1000) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('editor saves', () => {
  beforeEach(() => useEditor.getState().reset());

  it('queues a second save made while the first is in flight', async () => {
    const writes: Write[] = [];
    setApi(fakeApi(writes));
    const editor = useEditor.getState();
    await editor.open('notes.txt');
    const model = models.get('notes.txt')!;

    model.type('b');
    editor.markEdited('notes.txt');
    const first = editor.save('notes.txt');
    await until(() => writes.length === 1, 'the first write');
    model.type('c');
    editor.markEdited('notes.txt');
    const second = editor.save('notes.txt');

    writes[0]!.answer('h1');
    await first;
    await until(() => writes.length === 2, 'the second write');
    expect(writes[1]).toMatchObject({ content: 'abc', expectedHash: 'h1' });
    writes[1]!.answer('h2');
    await second;
    expect(useEditor.getState().tabs.find((t) => t.path === 'notes.txt')).toMatchObject({ hash: 'h2', dirty: false });
    expect(writes).toHaveLength(2);
  });
});

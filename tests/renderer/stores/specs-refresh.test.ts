// The spec list shows the answer of the latest refresh, whatever order the answers come back in.
// Switching folders quickly (Open… then a recent folder) left a slow specs.list of the folder just
// left answering last, and the list showed that folder's specs until the next change (a loaded
// npm test failed on it three times). The API is the renderer's boundary: it is stood in for here by
// an ApiClient whose specs.list calls answer when the test says so.
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { SpecSummary } from '../../../shared/specs/model';

vi.mock('../../../renderer/src/editor/monaco/models', () => ({ createModel: () => ({}), getModel: () => undefined, disposeModel: () => {}, textToSave: () => '' }));

const { setApi } = await import('../../../renderer/src/api/client-instance');
const { useSpecs } = await import('../../../renderer/src/stores/specs-store');

const summary = (id: string) => ({ id }) as unknown as SpecSummary;

describe('specs store: refresh', () => {
  it('keeps the latest refresh\'s list when an earlier one answers after it', async () => {
    const answers: ((list: SpecSummary[]) => void)[] = [];
    setApi({
      call: (async (method: string) => {
        if (method === 'specs.list') return new Promise<SpecSummary[]>((resolve) => answers.push(resolve));
        if (method === 'specs.get') return new Promise(() => {}); // the selection is not under test
        throw new Error(`unexpected call ${method}`);
      }) as ApiClient['call'],
      on: () => () => {},
    });
    const first = useSpecs.getState().refresh(); // the folder being left
    const second = useSpecs.getState().refresh(); // the folder opened
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!([summary('.kiro/specs/opened')]);
    await vi.waitFor(() => expect(useSpecs.getState().list.map((s) => s.id)).toEqual(['.kiro/specs/opened']));
    answers[0]!([summary('.kiro/specs/left-behind')]);
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 50))]);
    expect(useSpecs.getState().list.map((s) => s.id)).toEqual(['.kiro/specs/opened']);
    expect(useSpecs.getState().selectedId).toBe('.kiro/specs/opened');
    void second;
  });
});

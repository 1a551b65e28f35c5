// `ui.*`: the workbench's UI state, saved per workspace in the backend (see ui-state-store.ts).
import { ApiError } from '../../../shared/api/errors';
import { UI_STATE_LIMIT, type UiStateStore } from '../storage/ui-state-store';
import type { Current, Handlers } from './handler-types';

const KEY = 'workbench';

export function uiHandlers(store: Current<UiStateStore>): Handlers<'ui.getState' | 'ui.setState'> {
  return {
    'ui.getState': async () => {
      const state = store().get(KEY);
      return { state: state && typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : null };
    },
    'ui.setState': async ({ state }) => {
      const json = JSON.stringify(state);
      const bytes = Buffer.byteLength(json);
      if (bytes > UI_STATE_LIMIT) throw new ApiError('INVALID_ARGUMENT', `Invalid argument state: ${bytes} bytes, more than the ${UI_STATE_LIMIT} a UI state may have`, 'state');
      store().set(KEY, json);
      return { bytes };
    },
  };
}

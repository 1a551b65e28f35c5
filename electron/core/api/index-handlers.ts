// `index.status` and `search.*`: answered by the workspace index (UNSUPPORTED without one).
import { ApiError } from '../../../shared/api/errors';
import type { IndexService } from '../index/index-service';
import type { Current, Handlers } from './handler-types';

export function indexHandlers(index: Current<IndexService | null>): Handlers<'index.status' | 'search.text' | 'search.files'> {
  const required = () => {
    const current = index();
    if (!current) throw new ApiError('UNSUPPORTED', 'This session runs without a workspace index');
    return current;
  };
  return {
    'index.status': async () => required().status(),
    'search.text': async (params) => required().searchText(params),
    'search.files': async ({ query, limit }) => required().searchFiles(query, limit),
  };
}

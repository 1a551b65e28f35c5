// `git.*`: what the status bar shows of the repository.
import { readGitBranch } from '../git/branch';
import type { Workspace } from '../workspace/workspace';
import type { Current, Handlers } from './handler-types';

export function gitHandlers(workspace: Current<Workspace>): Handlers<'git.branch'> {
  return {
    'git.branch': async () => readGitBranch(workspace().root),
  };
}

// Opening folders from the host side (dialog, recent list, command line). It goes through the
// router's own `workspace.open`, so validation and errors are exactly those of the API.
// No electron import: unit/integration-testable with a real router.
import type { WorkspaceInfo } from '../../shared/api/contract';
import type { HostOpenOutcome } from '../../shared/api/host-bridge';
import type { Router } from '../core/api/router';
import type { RecentFoldersStore } from './recent-folders';
import type { WorkspaceGrants } from './workspace-grants';

export class WorkspaceController {
  constructor(
    private readonly router: Router,
    private readonly recents: RecentFoldersStore,
    private readonly onRecentsChanged: () => void = () => {},
    private readonly grants: WorkspaceGrants | null = null,
  ) {}

  /** Opens a folder the host chose (dialog, recent list, command line): the page may reopen it. */
  async open(folder: string): Promise<HostOpenOutcome> {
    this.grants?.grant(folder);
    const outcome = await this.router.dispatch('workspace.open', { path: folder });
    if (outcome.ok) return { ok: true, result: outcome.result as WorkspaceInfo };
    // A recent folder that is gone (or is no longer a folder) leaves the list.
    const gone = outcome.error.code === 'NOT_FOUND' || outcome.error.code === 'INVALID_ARGUMENT';
    if (gone && this.recents.list().includes(folder)) {
      await this.recents.remove(folder);
      this.onRecentsChanged();
    }
    return outcome;
  }

  /** Successful opens (from any transport call) are recorded via the session's workspace.changed. */
  async recordOpened(root: string): Promise<void> {
    this.grants?.grant(root);
    await this.recents.add(root);
    this.onRecentsChanged();
  }
}

// Which folders the page may open with `workspace.open`. The renderer is the least trusted part
// of the app: were it compromised, an open of any path would let it read the whole disk through
// the API. So the page may only open folders the main process has granted: one the user chose in
// the system dialog, one on the recent list, the one given on the command line (or by a second
// launch), and the sample project. No electron import: tested with the real router.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from '../../shared/api/wire';

export class WorkspaceGrants {
  private readonly granted = new Set<string>();

  /** `recentFolders` is read on every check: the recent list is a grant too. */
  constructor(private readonly recentFolders: () => string[] = () => []) {}

  grant(folder: string): void {
    for (const form of forms(folder)) this.granted.add(form);
  }

  isGranted(folder: string): boolean {
    const wanted = forms(folder);
    if (wanted.some((form) => this.granted.has(form))) return true;
    return this.recentFolders().some((recent) => forms(recent).some((form) => wanted.includes(form)));
  }
}

export function notGranted(folder: string): Outcome {
  return {
    ok: false,
    error: {
      code: 'PERMISSION_DENIED',
      message: `The page may not open ${folder}: in the desktop app, open a folder with File › Open Folder… or from the recent list`,
      field: 'path',
    },
  };
}

/** The folder as written (absolute, normalised) and, when it exists, its real path. */
function forms(folder: string): string[] {
  const absolute = path.resolve(folder);
  try {
    const real = realpathSync(absolute);
    return real === absolute ? [absolute] : [absolute, real];
  } catch {
    return [absolute];
  }
}

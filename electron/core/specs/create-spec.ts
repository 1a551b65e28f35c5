// Creates a new spec on disk from a format's template (`specdeck new`; the UI does the same
// through fs.mkdir and fs.write). Nothing is overwritten: an existing spec folder is refused
// before anything is written, and every file is created with expectedHash null.
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/api/errors';
import type { NewSpec, SpecTemplate } from '../../../shared/specs/formats/descriptor';
import type { SpecSummary } from '../../../shared/specs/model';
import { writeWorkspaceFile } from '../workspace/files';
import { makeWorkspaceDir } from '../workspace/make-dir';
import type { Workspace } from '../workspace/workspace';

export async function createSpec(ws: Workspace, template: SpecTemplate, slug: string, existing: readonly SpecSummary[]): Promise<NewSpec> {
  const spec = template.create(slug, existing);
  // Containment first, for every path (a layout folder may be a link out of the workspace).
  for (const file of spec.files) await ws.resolve(file.path);
  if (await exists(await ws.resolve(spec.id))) throw new ApiError('CONFLICT', `${spec.id} already exists: pick another name`, 'name');
  // One level at a time, as the UI does (see make-dir.ts).
  const folders = [...new Set(spec.files.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
  for (const folder of folders.sort((a, b) => a.split('/').length - b.split('/').length)) await makeWorkspaceDir(ws, folder);
  for (const file of spec.files) await writeWorkspaceFile(ws, file.path, file.content, null);
  return spec;
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await stat(absolute);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

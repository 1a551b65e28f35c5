// The folder opened when none is named: a private, writable copy of the bundled sample project.
// The bundled one may be read-only (AppImage, Program Files, app bundle) and ticking a task writes.
import { cp, stat } from 'node:fs/promises';
import path from 'node:path';

export async function sampleProjectCopy(bundledDir: string, userDataDir: string): Promise<string> {
  const target = path.join(userDataDir, 'sample-project');
  const exists = await stat(target).then((s) => s.isDirectory(), () => false);
  if (!exists) await cp(bundledDir, target, { recursive: true, errorOnExist: false });
  return target;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The small project with a Kiro, a Spec Kit and an OpenSpec spec, shipped in resources/. */
export function sampleProjectPath(): string {
  // Works from source (electron/cli) and from the bundle (dist/cli): walk up to the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'resources', 'sample-project');
}

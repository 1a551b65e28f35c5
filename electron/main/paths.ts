// Where the built pieces live. main.mjs is bundled to dist/electron/, both in a checkout and inside
// the packaged app.asar, so everything is found relative to this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bundleDir = path.dirname(fileURLToPath(import.meta.url)); // .../dist/electron
const appRoot = path.resolve(bundleDir, '..', '..');

export const rendererDir = path.join(appRoot, 'dist', 'renderer');
export const preloadPath = path.join(bundleDir, 'preload.cjs');

/** The sample project shipped with the app: resources/ in a checkout, extraResources when packaged. */
export function bundledSampleProject(isPackaged: boolean, resourcesPath: string): string {
  return isPackaged ? path.join(resourcesPath, 'sample-project') : path.join(appRoot, 'resources', 'sample-project');
}

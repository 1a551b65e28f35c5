// Which folders of a workspace are specs, and in which layout: decided from file paths alone.
import type { SpecFormat } from './model';

export interface SpecLocation {
  id: string;
  format: SpecFormat;
  folder: string;
  /** Workspace-relative paths of the spec's documents, keyed by kind. */
  files: { kind: string; path: string }[];
}

const KIRO_SPEC_TASKS = /^(?:.*\/)?\.kiro\/specs\/([^/]+)\/tasks\.md$/;

/** First slice: Kiro specs (`.kiro/specs/<name>/tasks.md`). */
export function detectSpecs(paths: readonly string[]): SpecLocation[] {
  const found: SpecLocation[] = [];
  for (const path of paths) {
    if (!KIRO_SPEC_TASKS.test(path)) continue;
    const folder = path.slice(0, path.lastIndexOf('/'));
    found.push({ id: folder, format: 'kiro', folder, files: [{ kind: 'tasks', path }] });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

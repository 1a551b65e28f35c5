// Which folders of a workspace are specs, and in which layout: decided from file paths alone.
// Layouts are found anywhere in the tree (a repo keeps `.kiro/` or `openspec/` at its root; a
// monorepo or our corpus keeps them deeper).
import type { SpecFormat } from './model';

/** A path inside a folder where specs live (Kiro, Spec Kit, OpenSpec layouts, at any depth). */
export const SPEC_LAYOUT_PATH = /(^|\/)(\.kiro|specs|openspec)(\/|$)/;

export interface SpecLocation {
  id: string;
  format: SpecFormat;
  folder: string;
  /** Workspace-relative paths of the spec's documents, keyed by kind. */
  files: { kind: string; path: string }[];
  /** OpenSpec: the `openspec/` folder the spec belongs to (where base capabilities live). */
  openspecRoot?: string;
  /** OpenSpec changes under an archive folder. */
  archived?: boolean;
}

const KIRO_MARKERS = new Set(['requirements.md', 'design.md', 'tasks.md', 'bugfix.md', '.config.kiro', 'spec.json']);
const SPECKIT_MARKERS = new Set(['spec.md', 'plan.md', 'tasks.md']);
const OPENSPEC_CHANGE_MARKERS = new Set(['proposal.md', 'tasks.md', 'design.md']);
const DOC_EXT = /\.(md|markdown|ya?ml|json)$/i;

interface Found {
  loc: SpecLocation;
  /** Documents sit directly in the folder (Kiro) or anywhere below it (Spec Kit, OpenSpec). */
  deep: boolean;
  hasSpecJson: boolean;
  hasBugfix: boolean;
}

export function detectSpecs(paths: readonly string[]): SpecLocation[] {
  const found = new Map<string, Found>();
  const add = (folder: string, format: SpecFormat, deep: boolean, extra: Partial<SpecLocation> = {}) => {
    if (!found.has(folder)) {
      found.set(folder, { loc: { id: folder, format, folder, files: [], ...extra }, deep, hasSpecJson: false, hasBugfix: false });
    }
  };
  for (const p of paths) {
    const segs = p.split('/');
    const name = segs[segs.length - 1]!;
    const kiro = segs.indexOf('.kiro');
    if (kiro !== -1 && segs[kiro + 1] === 'specs' && segs.length >= kiro + 4 && KIRO_MARKERS.has(name)) {
      add(segs.slice(0, -1).join('/'), 'kiro', false);
      continue;
    }
    const os = segs.lastIndexOf('openspec', segs.length - 2);
    if (os !== -1) {
      const root = segs.slice(0, os + 1).join('/');
      const area = segs[os + 1];
      if (area === 'specs' && name === 'spec.md' && segs.length >= os + 4) {
        add(segs.slice(0, -1).join('/'), 'openspec-capability', false, { openspecRoot: root });
        continue;
      }
      const archivedUnderChanges = area === 'changes' && segs[os + 2] === 'archive';
      const changeDepth = archivedUnderChanges ? os + 4 : os + 3;
      if ((area === 'changes' || area === 'archive') && segs.length > changeDepth) {
        const below = segs.slice(changeDepth);
        const isMarker = below.length === 1 ? OPENSPEC_CHANGE_MARKERS.has(name) : below[0] === 'specs' && name === 'spec.md';
        if (isMarker) {
          const archived = area === 'archive' || archivedUnderChanges;
          add(segs.slice(0, changeDepth).join('/'), 'openspec-change', true, { openspecRoot: root, archived });
        }
      }
      continue;
    }
    const sk = segs.lastIndexOf('specs', segs.length - 3);
    if (sk !== -1 && segs.length === sk + 3 && SPECKIT_MARKERS.has(name) && kiro === -1) {
      add(segs.slice(0, sk + 2).join('/'), 'speckit', true);
    }
  }
  if (found.size === 0) return [];
  attachDocuments(paths, found);
  const out: SpecLocation[] = [];
  for (const f of found.values()) {
    if (f.loc.format === 'kiro') {
      if (f.hasSpecJson) f.loc.format = 'cc-sdd';
      else if (f.hasBugfix) f.loc.format = 'kiro-bugfix';
    }
    f.loc.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    out.push(f.loc);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function attachDocuments(paths: readonly string[], found: Map<string, Found>): void {
  for (const p of paths) {
    let slash = p.lastIndexOf('/');
    const name = p.slice(slash + 1);
    const direct = slash === -1 ? undefined : found.get(p.slice(0, slash));
    if (direct && (name === '.config.kiro' || DOC_EXT.test(name))) {
      direct.loc.files.push({ kind: kindOf(name, ''), path: p });
      if (name === 'spec.json') direct.hasSpecJson = true;
      if (name === 'bugfix.md') direct.hasBugfix = true;
      continue;
    }
    // Deeper documents belong to the nearest enclosing deep spec (Spec Kit, OpenSpec change).
    while (slash > 0) {
      slash = p.lastIndexOf('/', slash - 1);
      if (slash <= 0) break;
      const owner = found.get(p.slice(0, slash));
      if (owner) {
        if (owner.deep && DOC_EXT.test(name)) owner.loc.files.push({ kind: kindOf(name, p.slice(slash + 1)), path: p });
        break;
      }
    }
  }
}

/** `tasks`, `requirements`, `spec`, … for top-level documents; `delta` for an OpenSpec change's spec files. */
function kindOf(name: string, relInSpec: string): string {
  if (name === '.config.kiro' || name === 'spec.json') return 'config';
  const base = name.replace(/\.[^.]+$/, '');
  if (relInSpec === '') return base;
  if (relInSpec.startsWith('specs/') && name === 'spec.md') return 'delta';
  return `${relInSpec.slice(0, relInSpec.indexOf('/'))}/${base}`;
}

// Which folders of a workspace are specs, and in which layout: decided from file paths alone.
// Layouts are found anywhere in the tree (a repo keeps `.kiro/` or `openspec/` at its root; a
// monorepo or our corpus keeps them deeper).
// What each layout looks like is its format's (formats/*.ts); this walks the paths once.
import type { FormatDescriptor } from './formats/descriptor';
import { formatOf, isConfigName, isDocumentName, specFormats } from './formats/registry';
import type { SpecFormat } from './model';

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

interface Found {
  loc: SpecLocation;
  descriptor: FormatDescriptor;
  /** Documents sit directly in the folder (Kiro) or anywhere below it (Spec Kit, OpenSpec). */
  deep: boolean;
  /** Names of the files directly in the folder (variants and refinements decide by them). */
  names: Set<string>;
}

export function detectSpecs(paths: readonly string[]): SpecLocation[] {
  const formats = specFormats();
  const located = formats.filter((f) => f.layout);
  // File names that variants add to the layout they share (cc-sdd's spec.json in Kiro's).
  const variantMarkers = new Map<SpecFormat, Set<string>>();
  for (const f of formats) {
    if (!f.variantOf) continue;
    const markers = variantMarkers.get(f.variantOf.format) ?? new Set<string>();
    for (const m of f.variantOf.markers) markers.add(m);
    variantMarkers.set(f.variantOf.format, markers);
  }
  const none = new Set<string>();
  const found = new Map<string, Found>();
  for (const p of paths) {
    const segs = p.split('/');
    for (const f of located) {
      const claim = f.layout!.locate(segs, variantMarkers.get(f.kinds[0]!.format) ?? none);
      if (claim === null) continue;
      if (claim !== 'owned' && !found.has(claim.folder)) {
        const { folder, format, deep, ...extra } = claim;
        found.set(folder, { loc: { id: folder, format, folder, files: [], ...extra }, descriptor: f, deep, names: new Set() });
      }
      break;
    }
  }
  if (found.size === 0) return [];
  attachDocuments(paths, found);
  const out: SpecLocation[] = [];
  for (const f of found.values()) {
    const variant = formats.find((v) => v.variantOf?.format === f.loc.format && v.variantOf.markers.some((m) => f.names.has(m)));
    f.loc.format = variant ? variant.kinds[0]!.format : (f.descriptor.refine?.(f.loc.format, f.names) ?? f.loc.format);
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
    if (direct && isDocumentName(name, formatOf(direct.loc.format))) {
      direct.loc.files.push({ kind: kindOf(name, ''), path: p });
      direct.names.add(name);
      continue;
    }
    // Deeper documents belong to the nearest enclosing deep spec (Spec Kit, OpenSpec change).
    while (slash > 0) {
      slash = p.lastIndexOf('/', slash - 1);
      if (slash <= 0) break;
      const owner = found.get(p.slice(0, slash));
      if (owner) {
        if (owner.deep && isDocumentName(name)) owner.loc.files.push({ kind: kindOf(name, p.slice(slash + 1)), path: p });
        break;
      }
    }
  }
}

/** `tasks`, `requirements`, `spec`, … for top-level documents; `delta` for an OpenSpec change's spec files. */
function kindOf(name: string, relInSpec: string): string {
  if (isConfigName(name)) return 'config';
  const base = name.replace(/\.[^.]+$/, '');
  if (relInSpec === '') return base;
  if (relInSpec.startsWith('specs/') && name === 'spec.md') return 'delta';
  return `${relInSpec.slice(0, relInSpec.indexOf('/'))}/${base}`;
}

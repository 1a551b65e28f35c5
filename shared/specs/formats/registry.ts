// The formats Specdeck knows, and the questions every layer asks about them. Detection tries
// formats in registration order (Kiro before OpenSpec before Spec Kit: OpenSpec owns its
// `openspec/specs/` folders before Spec Kit's generic `specs/` rule sees them).
import type { SpecLocation } from '../detect';
import type { SpecFormat } from '../model';
import { ccSddFormat } from './cc-sdd';
import type { FormatDescriptor, SpecKind, SpecTemplate } from './descriptor';
import { kiroFormat } from './kiro';
import { openspecFormat } from './openspec';
import { speckitFormat } from './speckit';

const formats: FormatDescriptor[] = [];
/** Per spec kind: its kind entry and the descriptor that owns it. */
const byKind = new Map<SpecFormat, { kind: SpecKind; descriptor: FormatDescriptor }>();

/**
 * Adds a format. The built-in ones are added here; a build may add more at start-up (the toy
 * format test does, through an extra entry module), before any spec is detected.
 */
export function registerFormat(descriptor: FormatDescriptor): void {
  if (formats.some((f) => f.id === descriptor.id)) throw new Error(`spec format ${descriptor.id} is already registered`);
  for (const kind of descriptor.kinds) {
    if (byKind.has(kind.format)) throw new Error(`spec kind ${kind.format} is already registered`);
  }
  if (!descriptor.layout && !descriptor.variantOf) throw new Error(`spec format ${descriptor.id} has neither a layout nor a format it varies`);
  formats.push(descriptor);
  for (const kind of descriptor.kinds) byKind.set(kind.format, { kind, descriptor });
}

for (const builtIn of [kiroFormat, ccSddFormat, openspecFormat, speckitFormat]) registerFormat(builtIn);

export function specFormats(): readonly FormatDescriptor[] {
  return formats;
}

/** The descriptor that reads specs of this kind, or null for a kind no format yields. */
export function formatOf(format: SpecFormat): FormatDescriptor | null {
  return byKind.get(format)?.descriptor ?? null;
}

export function kindOf(format: SpecFormat): SpecKind | null {
  return byKind.get(format)?.kind ?? null;
}

/** The spec list's name for a kind (its ID when unknown). */
export function formatLabel(format: SpecFormat): string {
  return byKind.get(format)?.kind.label ?? format;
}

/** The spec list's order of kinds: lower first; unknown kinds last. */
export function formatOrder(format: SpecFormat): number {
  return byKind.get(format)?.kind.order ?? Number.MAX_SAFE_INTEGER;
}

/** The document kinds of this spec kind in reading order (empty for a kind no format yields). */
export function documentOrder(format: SpecFormat): readonly string[] {
  return formatOf(format)?.documents?.order ?? [];
}

/** Starting a task of this kind marks it in progress in the file (`[-]`). */
export function marksInProgress(format: SpecFormat): boolean {
  return formatOf(format)?.capabilities.marksInProgress ?? false;
}

/** A path inside some format's layout folder (where adding a file may add a spec). */
export function inSpecLayout(rel: string): boolean {
  return formats.some((f) => f.layout?.path.test(rel) === true);
}

const DOCUMENT_FILE = /\.(md|markdown|ya?ml|json)$/i;

/** A file name that is a document of specs of this format: Markdown, YAML, JSON, or one it names. */
export function isDocumentName(name: string, descriptor?: FormatDescriptor | null): boolean {
  if (DOCUMENT_FILE.test(name)) return true;
  const named = (d: FormatDescriptor) => d.documents?.names?.includes(name) === true;
  return descriptor ? named(descriptor) || formats.some((f) => f.variantOf && formatOf(f.variantOf.format) === descriptor && named(f)) : formats.some(named);
}

/** A file name whose document kind is `config` in any format. */
export function isConfigName(name: string): boolean {
  return formats.some((f) => f.documents?.configNames?.includes(name) === true);
}

/**
 * The one "is a spec document" rule: a document file inside a format's layout. Spec documents
 * are what trace links point from; their changes refresh the spec list.
 */
export function isSpecDocument(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return formats.some((f) => f.layout?.path.test(rel) === true && isDocumentName(name, f));
}

/** The files parsing this spec reads, as far as its format says: tasks, parsed kinds, related files. */
export function documentsToRead(location: SpecLocation): string[] {
  const documents = formatOf(location.format)?.documents;
  const kinds = new Set(['tasks', ...(documents?.parsed ?? [])]);
  const paths = location.files.filter((f) => kinds.has(f.kind)).map((f) => f.path);
  return [...new Set([...paths, ...(documents?.related?.(location) ?? [])])];
}

/** Templates for new specs, in the spec list's order (the UI's choice and `specdeck new --format`). */
export function specTemplates(): SpecTemplate[] {
  const first = (f: FormatDescriptor) => Math.min(...f.kinds.map((k) => k.order));
  return [...formats].sort((a, b) => first(a) - first(b)).flatMap((f) => f.templates);
}

export function specTemplate(layout: string): SpecTemplate | null {
  return specTemplates().find((t) => t.layout === layout) ?? null;
}

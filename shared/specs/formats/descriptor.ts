// What a spec format is, in one place: a descriptor per format (kiro.ts, cc-sdd.ts, speckit.ts,
// openspec.ts) and the registry (registry.ts) that detection, parsing, trace, the renderer and
// the CLI ask. Adding a format is adding one descriptor.
import type { SpecLocation } from '../detect';
import type { Diagnostic, OpenSpecChangeMeta, Requirement, SpecConfig, SpecFormat, SpecSummary } from '../model';

/** One kind of spec a format yields (OpenSpec yields changes and capabilities). */
export interface SpecKind {
  format: SpecFormat;
  /** How the spec list names its group. */
  label: string;
  /** Place of its group in the spec list: lower first. */
  order: number;
  /** Whether a requirement counts in the spec's summary (default: all top-level ones do). */
  countsRequirement?(requirement: Requirement): boolean;
}

export interface FormatCapabilities {
  /** Task lists have an in-progress state (`[-]`): starting a task marks it in the file. */
  marksInProgress: boolean;
  /** Tasks may be marked optional (`- [ ]*`). */
  optionalTasks: boolean;
  /** Tasks cite requirement IDs: dangling references and uncovered requirements are reported. */
  checksTaskReferences: boolean;
}

/**
 * What one path tells detection: a spec folder of this format, `'owned'` (inside this format's
 * layout but no spec marker: no other format may claim it), or null (not this format's).
 */
export type LayoutClaim =
  | { folder: string; format: SpecFormat; deep: boolean; openspecRoot?: string; archived?: boolean }
  | 'owned'
  | null;

export interface FormatLayout {
  /** A path inside a folder where this format's specs live (at any depth). */
  path: RegExp;
  /**
   * Does this path (split on `/`) mark a spec folder? `variantMarkers` are file names that
   * variants sharing this layout add (cc-sdd's `spec.json` in Kiro's).
   */
  locate(segs: readonly string[], variantMarkers: ReadonlySet<string>): LayoutClaim;
}

/** Which files of a spec folder are its documents, beyond Markdown, YAML and JSON. */
export interface FormatDocuments {
  /** More document file names (Kiro's `.config.kiro`). */
  names?: readonly string[];
  /** The document kinds in reading order (the spec's tabs): what is wanted, then how, then the steps. */
  order?: readonly string[];
  /** File names whose document kind is `config` (`.config.kiro`, cc-sdd's `spec.json`). */
  configNames?: readonly string[];
  /**
   * The document kinds the requirement parser reads, besides `tasks`: the host reads them ahead
   * (asynchronously) so that one parse has them all. A file it reads unannounced costs a re-parse.
   */
  parsed?: readonly string[];
  /** Files outside the spec's documents that the parser reads (OpenSpec: the capabilities a change modifies). */
  related?(location: SpecLocation): string[];
}

/** What a format's requirement parser is given: the spec's documents and where diagnostics go. */
export interface ParseContext {
  location: SpecLocation;
  /** The first document of this kind. */
  doc(kind: string): { kind: string; path: string } | undefined;
  /** A document's text, checked (unreadable, empty, NUL bytes are reported); null when unreadable. */
  docText(path: string): string | null;
  /** A document's text, unchecked (config files, base specs). */
  read(path: string): string | null;
  /** Where the format's findings go, in the order found. */
  diagnostics: Diagnostic[];
  /** The title from the folder name, for the parser to keep or replace. */
  title: string;
}

export interface FormatParse {
  requirements: Requirement[];
  /** There is a requirements document (references and coverage are checked against it). */
  hasRequirementsDoc: boolean;
  title?: string;
  /** The kind, when the documents say more than the folder did (`.config.kiro` specType). */
  format?: SpecFormat;
  config?: SpecConfig | null;
  /** OpenSpec changes: `.openspec.yaml` (null when the change has none). */
  changeMeta?: OpenSpecChangeMeta | null;
}

/** A new spec, as files to create (nothing here touches the disk). */
export interface NewSpec {
  /** The spec's ID once created (its folder). */
  id: string;
  files: { path: string; content: string }[];
}

export interface SpecTemplate {
  /** What `specdeck new --format` and the UI's layout choice call it. */
  layout: string;
  label: string;
  /** Where the spec goes, for the UI (`.kiro/specs/<name>/`). */
  where: string;
  create(slug: string, existing: readonly SpecSummary[]): NewSpec;
}

export interface FormatDescriptor {
  id: string;
  kinds: readonly SpecKind[];
  /** Absent for a variant, which lives in the layout of the format it varies. */
  layout?: FormatLayout;
  documents?: FormatDocuments;
  /** Shares another format's layout and takes over its spec folders that hold one of `markers`. */
  variantOf?: { format: SpecFormat; markers: readonly string[] };
  /** The kind once the folder's documents are known (Kiro: `bugfix.md` makes a bugfix spec). */
  refine?(format: SpecFormat, fileNames: ReadonlySet<string>): SpecFormat;
  tasks: {
    /** Whose task-line rules apply (tasks-markdown.ts); default: the spec's own format. */
    dialect?: SpecFormat;
  };
  capabilities: FormatCapabilities;
  parseRequirements(ctx: ParseContext): FormatParse;
  templates: readonly SpecTemplate[];
}

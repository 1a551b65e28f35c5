// What the indexer indexes, with the defaults.
export interface IndexOptions {
  /** Path segments never indexed (whole names, at any depth). */
  excludes: string[];
  /** Files larger than this are listed but their content is not read. */
  maxFileSize: number;
}

/** VS Code's files.exclude and search.exclude defaults, roughly. */
export const DEFAULT_INDEX_EXCLUDES = ['.git', '.hg', '.svn', 'CVS', '.DS_Store', 'Thumbs.db', 'node_modules', 'bower_components'];

export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  excludes: DEFAULT_INDEX_EXCLUDES,
  maxFileSize: 1024 * 1024,
};

export function resolveIndexOptions(partial: Partial<IndexOptions> = {}): IndexOptions {
  return {
    excludes: partial.excludes ?? DEFAULT_INDEX_OPTIONS.excludes,
    maxFileSize: partial.maxFileSize ?? DEFAULT_INDEX_OPTIONS.maxFileSize,
  };
}

// Explicit links written in code: `@spec <spec-id>/<task-id>` in a comment, and OpenFastTrace-style
// `[impl->task~<spec-id>/<task-id>~1]` (the artifact type and revision are optional).

export interface CommentTag {
  key: string;
  /** 1-based line of the tag. */
  line: number;
}

const SPEC_TAG = /@spec\s+([^\s`'"*]+\/[^\s`'"*,;)]+)/g;
const OFT_TAG = /\[impl->(?:[a-z]+~)?([^\]~\s]+\/[^\]~\s]+)(?:~\d+)?\]/g;

/** Cheap pre-check so files without tags are not split into lines. */
export function mayHaveTags(text: string): boolean {
  return text.includes('@spec') || text.includes('[impl->');
}

export function scanCommentTags(lines: readonly string[]): CommentTag[] {
  const tags: CommentTag[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('@spec') && !line.includes('[impl->')) return;
    for (const re of [SPEC_TAG, OFT_TAG]) {
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) tags.push({ key: m[1]!.replace(/[.:]+$/, ''), line: i + 1 });
    }
  });
  return tags;
}

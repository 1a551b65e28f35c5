// Spec documents (requirements, design, tasks, their metadata) are what links point *from*: saves
// of them and commits touching them link no code, and tags written in them are examples, not links.
const SPEC_LAYOUT_DIR = /(^|\/)(\.kiro|specs|openspec)\//;
const SPEC_DOCUMENT_FILE = /(\.md|\.json|\.ya?ml|\/\.config\.kiro)$/i;

export function isSpecDocument(rel: string): boolean {
  return SPEC_LAYOUT_DIR.test(rel) && SPEC_DOCUMENT_FILE.test(rel);
}

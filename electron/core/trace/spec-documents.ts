// Spec documents (requirements, design, tasks, their metadata) are what links point *from*: saves
// of them and commits touching them link no code, and tags written in them are examples, not links.
import { SPEC_LAYOUT_PATH } from '../../../shared/specs/detect';

const SPEC_DOCUMENT_FILE = /(\.md|\.json|\.ya?ml|\/\.config\.kiro)$/i;

export function isSpecDocument(rel: string): boolean {
  return SPEC_LAYOUT_PATH.test(rel) && SPEC_DOCUMENT_FILE.test(rel);
}

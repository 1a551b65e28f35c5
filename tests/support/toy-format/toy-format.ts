// A toy spec format, added through the format registry alone (issue 9): this descriptor and the
// fixture beside it are all it takes. Layout: `.toyspec/<name>/wishes.md` (requirements written
// `- WISH-1: text`) and `tasks.md` (Kiro's task lines); no templates.
import type { FormatDescriptor } from '../../../shared/specs/formats/descriptor';
import { registerFormat } from '../../../shared/specs/formats/registry';
import type { Requirement } from '../../../shared/specs/model';

const WISH = /^- (WISH-\d+): (.+)$/;

export const toyFormat: FormatDescriptor = {
  id: 'toy',
  kinds: [{ format: 'toy', label: 'Toy wishes', order: 25 }],
  layout: {
    path: /(^|\/)\.toyspec(\/|$)/,
    locate(segs) {
      const at = segs.indexOf('.toyspec');
      if (at === -1) return null;
      const name = segs[segs.length - 1]!;
      if (segs.length === at + 3 && (name === 'wishes.md' || name === 'tasks.md')) return { folder: segs.slice(0, -1).join('/'), format: 'toy', deep: false };
      return 'owned';
    },
  },
  tasks: { dialect: 'kiro' },
  capabilities: { marksInProgress: false, optionalTasks: false, checksTaskReferences: true },
  parseRequirements(ctx) {
    const doc = ctx.doc('wishes');
    const text = doc ? ctx.docText(doc.path) : null;
    if (!doc || text === null) return { requirements: [], hasRequirementsDoc: false };
    const requirements: Requirement[] = [];
    text.split('\n').forEach((line, i) => {
      const m = WISH.exec(line.trimEnd());
      if (m) requirements.push({ id: m[1]!, kind: 'requirement', title: m[2]!, text: m[2]!, parentId: null, pos: { file: doc.path, line: i + 1, column: 1 } });
    });
    return { requirements, hasRequirementsDoc: true, title: `Wishes of ${ctx.title}` };
  },
  templates: [],
};

registerFormat(toyFormat);

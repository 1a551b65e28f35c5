// cc-sdd: Kiro's layout with a `spec.json` (phase, approvals) beside the documents. Its tasks add
// `(P)` for parallel work; its requirements are Kiro's.
import type { FormatDescriptor } from './descriptor';
import { parseKiroSpec } from './kiro';

export const ccSddFormat: FormatDescriptor = {
  id: 'cc-sdd',
  kinds: [{ format: 'cc-sdd', label: 'cc-sdd', order: 20 }],
  documents: { configNames: ['spec.json'], order: ['requirements', 'design', 'research', 'tasks'], parsed: ['requirements', 'bugfix', 'config'] },
  variantOf: { format: 'kiro', markers: ['spec.json'] },
  tasks: {},
  capabilities: { marksInProgress: true, optionalTasks: true, checksTaskReferences: true },
  parseRequirements: (ctx) => parseKiroSpec(ctx, 'cc-sdd'),
  // cc-sdd's own CLI creates its specs (with spec.json phases); Specdeck offers no template.
  templates: [],
};

// Two active OpenSpec changes that modify, remove or rename the same requirement cannot both be
// archived as written: the second would apply to a requirement the first already changed. OpenSpec
// itself does not check this yet. Archived changes are history, not candidates: they are left out.
import type { Diagnostic, Requirement, Spec } from '../model';

type Touch = { spec: Spec; req: Requirement; name: string };

/**
 * Findings by spec ID: one per requirement that several active changes touch (one mistake, however
 * many changes share it), at the delta of the change whose folder sorts first, naming all the others.
 */
export function checkChangeConflicts(specs: readonly Spec[]): Map<string, Diagnostic[]> {
  const byKey = new Map<string, Touch[]>();
  for (const spec of specs) {
    if (spec.format !== 'openspec-change' || spec.archived) continue;
    const root = spec.folder.slice(0, spec.folder.lastIndexOf('/changes/'));
    for (const req of spec.requirements) {
      if (req.kind !== 'requirement' || (req.delta !== 'MODIFIED' && req.delta !== 'REMOVED' && req.delta !== 'RENAMED')) continue;
      const name = req.delta === 'RENAMED' ? (req.renamedFrom ?? req.id) : req.id;
      const key = `${root}\u0000${req.capability ?? ''}\u0000${name.trim().toLowerCase()}`;
      const list = byKey.get(key) ?? byKey.set(key, []).get(key)!;
      if (!list.some((t) => t.spec === spec)) list.push({ spec, req, name: name.trim() });
    }
  }
  const out = new Map<string, Diagnostic[]>();
  for (const touches of byKey.values()) {
    if (touches.length < 2) continue;
    const sorted = [...touches].sort((a, b) => (a.spec.folder < b.spec.folder ? -1 : a.spec.folder > b.spec.folder ? 1 : 0));
    const first = sorted[0]!;
    const others = sorted.slice(1);
    const named = others.map((o) => `${changeName(o.spec)} (${o.req.delta})`).join(', ');
    const outcome = others.length === 1 ? 'whichever is archived second no longer applies as written' : 'all but the first archived no longer apply as written';
    const list = out.get(first.spec.id) ?? out.set(first.spec.id, []).get(first.spec.id)!;
    list.push({
      severity: 'warning',
      code: 'openspec-change-conflict',
      message: `${first.req.delta} "${first.name}" of ${first.req.capability ?? 'this capability'}: also changed by ${named}; ${outcome}`,
      pos: first.req.pos,
    });
  }
  return out;
}

function changeName(spec: Spec): string {
  return spec.folder.slice(spec.folder.lastIndexOf('/') + 1);
}

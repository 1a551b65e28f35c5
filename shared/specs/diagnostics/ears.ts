// Kiro acceptance criteria that follow no EARS pattern (info; the pattern itself is on the criterion).
import type { Diagnostic, Requirement, SpecFormat } from '../model';

export function checkEars(requirements: readonly Requirement[], format: SpecFormat): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of requirements) {
    if (r.kind !== 'criterion' || r.ears !== 'none') continue;
    // A bugfix's `1.x` lines describe the defect as it is, not a requirement.
    if (format === 'kiro-bugfix' && r.parentId === '1') continue;
    out.push({ severity: 'info', code: 'ears-none', message: `Criterion ${r.id} follows no EARS pattern (WHEN/WHILE/IF…THEN/WHERE/THE … SHALL)`, pos: r.pos });
  }
  return out;
}

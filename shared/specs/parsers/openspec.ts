// OpenSpec spec files: a capability (`## Purpose`, `## Requirements`) or a change delta
// (`## ADDED|MODIFIED|REMOVED|RENAMED Requirements`). `### Requirement: <Name>` — the name is the
// ID — with SHALL/MUST text and `#### Scenario: …` blocks.
import type { Diagnostic, Requirement } from '../model';
import { headingOf, scanLines } from '../markdown-lines';
import { OPENSPEC_RENAME_LINE, OPENSPEC_REQUIREMENT, OPENSPEC_SCENARIO } from '../linear-match';

type DeltaOp = NonNullable<Requirement['delta']>;

export interface OpenSpecDoc {
  requirements: Requirement[];
  diagnostics: Diagnostic[];
  hasPurpose: boolean;
  hasRequirementsSection: boolean;
  /** Number of requirement entries under delta sections (ADDED/…/RENAMED). */
  deltaCount: number;
}

// Linear scanners for what were `/^Requirement:\s*(.+?)\s*$/is` and `/^Scenario:\s*(.*?)\s*$/is`.
const REQUIREMENT = OPENSPEC_REQUIREMENT;
const SCENARIO = OPENSPEC_SCENARIO;
const DELTA_SECTION = /^(ADDED|MODIFIED|REMOVED|RENAMED)\s+Requirements\b/i;
const RENAME_LINE = OPENSPEC_RENAME_LINE; // `- FROM: \`### Requirement: Name\``, linear
const NORMATIVE = /\b(SHALL|MUST)\b/;

export function parseOpenSpecDoc(text: string, file: string, capability: string): OpenSpecDoc {
  const requirements: Requirement[] = [];
  const diagnostics: Diagnostic[] = [];
  let hasPurpose = false;
  let hasRequirementsSection = false;
  let section: 'requirements' | DeltaOp | 'other' = 'other';
  let req: Requirement | null = null;
  let bodyDone = false;
  let scenarioCount = 0;
  let deltaCount = 0;
  let pendingFrom: { name: string; line: number } | null = null;
  const body: string[] = [];

  const finish = () => {
    if (!req) return;
    req.text = body.join('\n').trim();
    const checked = req.delta === undefined || req.delta === 'ADDED' || req.delta === 'MODIFIED';
    if (checked && scenarioCount === 0) {
      diagnostics.push(diag('error', 'openspec-no-scenario', `Requirement "${req.id}" has no #### Scenario`, req));
    }
    // As the OpenSpec CLI: no body text at all is an error; text without SHALL/MUST a warning.
    if (checked && req.text === '') {
      diagnostics.push(diag('error', 'openspec-no-shall', `Requirement "${req.id}" has no requirement text (a SHALL or MUST statement under its heading)`, req));
    } else if (checked && !NORMATIVE.test(req.text)) {
      diagnostics.push(diag('warning', 'openspec-no-shall', `Requirement "${req.id}" should contain SHALL or MUST in its text`, req));
    }
    req = null;
    body.length = 0;
  };

  scanLines(text, (line) => {
    const s = line.text;
    const h = line.fenced ? null : headingOf(s);
    if (h) {
      if (h.level <= 2) {
        finish();
        const d = DELTA_SECTION.exec(h.text);
        if (d) section = d[1]!.toUpperCase() as DeltaOp;
        else if (/^Requirements\b/i.test(h.text)) {
          section = 'requirements';
          hasRequirementsSection = true;
        } else {
          if (/^Purpose\b/i.test(h.text)) hasPurpose = true;
          section = 'other';
        }
        return;
      }
      const r = h.level === 3 ? REQUIREMENT.exec(h.text) : null;
      if (r && section !== 'other') {
        finish();
        req = {
          id: r[1]!,
          kind: 'requirement',
          title: r[1]!,
          text: '',
          parentId: null,
          pos: { file, line: line.no, column: 1 },
          capability,
          ...(section === 'requirements' ? {} : { delta: section }),
        };
        if (section !== 'requirements') deltaCount++;
        requirements.push(req);
        bodyDone = false;
        scenarioCount = 0;
        return;
      }
      const sc = SCENARIO.exec(h.text);
      if (sc && req) {
        const parent = req as Requirement;
        bodyDone = true;
        scenarioCount++;
        requirements.push({
          id: `${parent.id}: ${sc[1]}`,
          kind: 'scenario',
          title: sc[1]!,
          text: '',
          parentId: parent.id,
          pos: { file, line: line.no, column: 1 },
          capability,
          ...(parent.delta ? { delta: parent.delta } : {}),
        });
        return;
      }
      if (h.level === 3) {
        finish();
        return;
      }
      bodyDone = true;
      return;
    }
    if (section === 'RENAMED' && !line.fenced) {
      const rn = RENAME_LINE.exec(s);
      if (rn && rn[1]!.toUpperCase() === 'FROM') pendingFrom = { name: rn[2]!, line: line.no };
      else if (rn && pendingFrom) {
        deltaCount++;
        requirements.push({
          id: rn[2]!,
          kind: 'requirement',
          title: rn[2]!,
          text: '',
          parentId: null,
          pos: { file, line: pendingFrom.line, column: 1 },
          capability,
          delta: 'RENAMED',
          renamedFrom: pendingFrom.name,
        });
        pendingFrom = null;
      }
      return;
    }
    if (req && !bodyDone) body.push(s);
  });
  finish();
  return { requirements, diagnostics, hasPurpose, hasRequirementsSection, deltaCount };
}

function diag(severity: Diagnostic['severity'], code: string, message: string, r: Requirement): Diagnostic {
  return { severity, code, message, pos: r.pos };
}

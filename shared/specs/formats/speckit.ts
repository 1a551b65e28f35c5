// Spec Kit (`specs/NNN-name/spec.md`, `plan.md`, `tasks.md`, contracts and research below):
// user stories, FR-/SC- requirements, `[NEEDS CLARIFICATION]` markers, `T001 [P] [US1]` tasks.
import { headingOf, scanLines } from '../markdown-lines';
import type { SpecSummary } from '../model';
import { clarificationMarkers, parseSpeckitSpec } from '../parsers/speckit-spec';
import type { FormatDescriptor, FormatParse, NewSpec, ParseContext } from './descriptor';
import { titleOf } from './template-names';

const MARKERS = new Set(['spec.md', 'plan.md', 'tasks.md']);

function parseSpeckit(ctx: ParseContext): FormatParse {
  const specDoc = ctx.doc('spec');
  const text = specDoc ? ctx.docText(specDoc.path) : null;
  let requirements: FormatParse['requirements'] = [];
  let hasRequirementsDoc = false;
  let title = ctx.title;
  if (specDoc && text !== null) {
    hasRequirementsDoc = true;
    requirements = parseSpeckitSpec(text, specDoc.path);
    title = titleAfterColon(text) ?? title;
  }
  for (const d of [specDoc, ctx.doc('plan')]) {
    const t = d ? (d === specDoc ? text : ctx.read(d.path)) : null;
    if (!d || t === null) continue;
    for (const m of clarificationMarkers(t)) {
      ctx.diagnostics.push({ severity: 'warning', code: 'needs-clarification', message: `Left open: ${m.text}`, pos: { file: d.path, line: m.line, column: m.column } });
    }
  }
  return { requirements, hasRequirementsDoc, title };
}

/** `# Feature Specification: Title` → `Title`. */
function titleAfterColon(text: string): string | null {
  let title: string | null = null;
  let done = false;
  scanLines(text.length > 4096 ? text.slice(0, 4096) : text, (line) => {
    if (done || line.fenced) return;
    const h = headingOf(line.text);
    if (h && h.level === 1) {
      done = true;
      const colon = h.text.indexOf(':');
      title = colon === -1 ? h.text.trim() : h.text.slice(colon + 1).trim();
    }
  });
  return title || null;
}

export const speckitFormat: FormatDescriptor = {
  id: 'speckit',
  kinds: [{ format: 'speckit', label: 'Spec Kit', order: 30 }],
  layout: {
    path: /(^|\/)specs(\/|$)/,
    locate(segs) {
      const sk = segs.lastIndexOf('specs', segs.length - 3);
      // `.kiro/specs/` is Kiro's, even where its files look like Spec Kit's.
      if (sk !== -1 && segs.length === sk + 3 && MARKERS.has(segs[segs.length - 1]!) && !segs.includes('.kiro')) {
        return { folder: segs.slice(0, sk + 2).join('/'), format: 'speckit', deep: true };
      }
      return null;
    },
  },
  documents: { parsed: ['spec', 'plan'], order: ['spec', 'plan', 'research', 'data-model', 'quickstart', 'tasks'] },
  tasks: {},
  capabilities: { marksInProgress: false, optionalTasks: false, checksTaskReferences: true },
  parseRequirements: parseSpeckit,
  templates: [{ layout: 'speckit', label: 'Spec Kit', where: 'specs/NNN-<name>/', create: (slug, existing) => speckit(slug, existing) }],
};

function nextSpecKitNumber(existing: readonly SpecSummary[]): string {
  const numbers = existing.map((s) => /(?:^|\/)specs\/(\d+)-/.exec(s.folder)?.[1]).filter(Boolean).map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(3, '0');
}

function speckit(slug: string, existing: readonly SpecSummary[]): NewSpec {
  const folder = `specs/${nextSpecKitNumber(existing)}-${slug}`;
  const title = titleOf(slug);
  return {
    id: folder,
    files: [
      {
        path: `${folder}/spec.md`,
        content: `# Feature Specification: ${title}

**Feature Branch**: \`${folder.slice('specs/'.length)}\`
**Status**: Draft

## User Scenarios & Testing

### User Story 1 - <Title> (Priority: P1)

<Describe the user's journey in plain language.>

**Acceptance Scenarios**:

1. **Given** <initial state>, **When** <action>, **Then** <expected outcome>

## Requirements

### Functional Requirements

- **FR-001**: WHEN <trigger>, the system MUST <response>
- **FR-002**: IF <unwanted condition>, THEN the system MUST <response>
- **FR-003**: The system MUST <capability> [NEEDS CLARIFICATION: <open question>]

### Success Criteria

- **SC-001**: <A measurable outcome>
`,
      },
      {
        path: `${folder}/plan.md`,
        content: `# Implementation Plan: ${title}

## Summary

<The approach in a paragraph.>

## Technical Context

**Language/Version**: <…>
**Primary Dependencies**: <…>
**Testing**: <…>
`,
      },
      {
        path: `${folder}/tasks.md`,
        content: `# Tasks: ${title}

## Phase 1: Setup

- [ ] T001 <Set up the project structure>

## Phase 2: User Story 1 (P1)

- [ ] T002 [US1] <Implement the first requirement> (FR-001)
- [ ] T003 [P] [US1] <Implement the second requirement> (FR-002)
`,
      },
    ],
  };
}

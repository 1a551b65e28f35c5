// Kiro (`.kiro/specs/<name>/requirements.md`, `design.md`, `tasks.md`; a bugfix spec has
// `bugfix.md`): EARS requirements, `[-]` in progress, optional `*` tasks.
import { parseSpecConfig } from '../config';
import { checkEars } from '../diagnostics/ears';
import type { SpecConfig } from '../model';
import { parseKiroRequirements } from '../parsers/kiro-requirements';
import type { FormatDescriptor, FormatParse, NewSpec, ParseContext } from './descriptor';
import { titleOf } from './template-names';

const MARKERS = new Set(['requirements.md', 'design.md', 'tasks.md', 'bugfix.md', '.config.kiro']);

/** Requirements (or a bugfix's defect and expectations), the config files, and EARS checks. */
export function parseKiroSpec(ctx: ParseContext, format: string): FormatParse {
  const reqDoc = ctx.doc('requirements') ?? ctx.doc('bugfix');
  const text = reqDoc ? ctx.docText(reqDoc.path) : null;
  let requirements: FormatParse['requirements'] = [];
  let hasRequirementsDoc = false;
  if (reqDoc && text !== null) {
    hasRequirementsDoc = true;
    const parsed = parseKiroRequirements(text, reqDoc.path, reqDoc.kind === 'bugfix' ? 'bugfix' : 'requirements');
    requirements = parsed.requirements;
    ctx.diagnostics.push(...parsed.diagnostics);
  }
  let config: SpecConfig | null = null;
  for (const cfg of ctx.location.files.filter((f) => f.kind === 'config')) {
    const raw = ctx.read(cfg.path);
    if (raw === null) continue;
    const parsed = parseSpecConfig(raw, cfg.path);
    config ??= parsed.config;
    ctx.diagnostics.push(...parsed.diagnostics);
  }
  // `.config.kiro` may say what the folder's files do not: `"specType": "bugfix"`.
  if (format === 'kiro' && config?.values?.['specType'] === 'bugfix') format = 'kiro-bugfix';
  ctx.diagnostics.push(...checkEars(requirements, format));
  return { requirements, hasRequirementsDoc, config, format };
}

export const kiroFormat: FormatDescriptor = {
  id: 'kiro',
  kinds: [
    { format: 'kiro', label: 'Kiro', order: 10 },
    { format: 'kiro-bugfix', label: 'Kiro bugfix', order: 11 },
  ],
  layout: {
    path: /(^|\/)\.kiro(\/|$)/,
    locate(segs, variantMarkers) {
      const kiro = segs.indexOf('.kiro');
      const name = segs[segs.length - 1]!;
      if (kiro !== -1 && segs[kiro + 1] === 'specs' && segs.length >= kiro + 4 && (MARKERS.has(name) || variantMarkers.has(name))) {
        return { folder: segs.slice(0, -1).join('/'), format: 'kiro', deep: false };
      }
      return null;
    },
  },
  documents: { names: ['.config.kiro'], configNames: ['.config.kiro'], order: ['requirements', 'bugfix', 'design', 'tasks'], parsed: ['requirements', 'bugfix', 'config'] },
  refine: (format, names) => (names.has('bugfix.md') ? 'kiro-bugfix' : format),
  tasks: {},
  capabilities: { marksInProgress: true, optionalTasks: true, checksTaskReferences: true },
  parseRequirements: (ctx) => parseKiroSpec(ctx, ctx.location.format),
  templates: [{ layout: 'kiro', label: 'Kiro', where: '.kiro/specs/<name>/', create: (slug) => kiro(slug) }],
};

function kiro(slug: string): NewSpec {
  const folder = `.kiro/specs/${slug}`;
  const title = titleOf(slug);
  return {
    id: folder,
    files: [
      {
        path: `${folder}/requirements.md`,
        content: `# Requirements Document

## Introduction

${title}: <describe the feature in two or three sentences — who it is for and what it changes>.

## Requirements

### Requirement 1: <Capability>

**User Story:** As a <role>, I want <capability>, so that <benefit>.

#### Acceptance Criteria

1. WHEN <trigger> THEN the system SHALL <response>
2. IF <unwanted condition> THEN the system SHALL <response>
3. WHILE <state> the system SHALL <response>

### Requirement 2: <Capability>

**User Story:** As a <role>, I want <capability>, so that <benefit>.

#### Acceptance Criteria

1. WHEN <trigger> THEN the system SHALL <response>
2. WHERE <feature is included> the system SHALL <response>
`,
      },
      {
        path: `${folder}/design.md`,
        content: `# Design Document

## Overview

<How ${title} works, in a paragraph.>

## Architecture

<The parts and how they talk to each other.>

## Components and Interfaces

## Data Models

## Error Handling

## Testing Strategy
`,
      },
      {
        path: `${folder}/tasks.md`,
        content: `# Implementation Plan

- [ ] 1. <First step>
  - <What to do>
  - _Requirements: 1.1_

- [ ] 2. <Second step>
- [ ] 2.1 <Sub-step>
  - _Requirements: 1.2, 1.3_
- [ ] 2.2 <Sub-step>
  - _Requirements: 2.1, 2.2_
`,
      },
    ],
  };
}

// New specs from a template, in the Kiro, Spec Kit or OpenSpec layout, with EARS-style
// placeholders. Returns the files to create; nothing here touches the disk.
import type { SpecSummary } from '../../../shared/specs/model';

export type TemplateLayout = 'kiro' | 'speckit' | 'openspec';

export interface NewSpec {
  /** The spec's ID once created (its folder). */
  id: string;
  files: { path: string; content: string }[];
}

export const TEMPLATE_LAYOUTS: { layout: TemplateLayout; label: string; where: string }[] = [
  { layout: 'kiro', label: 'Kiro', where: '.kiro/specs/<name>/' },
  { layout: 'speckit', label: 'Spec Kit', where: 'specs/NNN-<name>/' },
  { layout: 'openspec', label: 'OpenSpec change', where: 'openspec/changes/<name>/' },
];

/** A folder-safe name: lower case, digits and hyphens. */
export function specSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function titleOf(slug: string): string {
  return slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function nextSpecKitNumber(existing: readonly SpecSummary[]): string {
  const numbers = existing.map((s) => /(?:^|\/)specs\/(\d+)-/.exec(s.folder)?.[1]).filter(Boolean).map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(3, '0');
}

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

function openspec(slug: string): NewSpec {
  const folder = `openspec/changes/${slug}`;
  const title = titleOf(slug);
  return {
    id: folder,
    files: [
      {
        path: `${folder}/proposal.md`,
        content: `# Change: ${title}

## Why

<The problem or opportunity, in one or two sentences.>

## What Changes

- <The change, as a bullet per behaviour>

## Impact

- Affected specs: ${slug}
- Affected code: <…>
`,
      },
      {
        path: `${folder}/tasks.md`,
        content: `## 1. Implementation

- [ ] 1.1 <First step>
- [ ] 1.2 <Second step>
- [ ] 1.3 <Write the tests>
`,
      },
      {
        path: `${folder}/specs/${slug}/spec.md`,
        content: `## ADDED Requirements

### Requirement: <Capability>

WHEN <trigger> the system SHALL <response>.

#### Scenario: <Name>

- **WHEN** <trigger>
- **THEN** <expected outcome>
`,
      },
    ],
  };
}

export function specFromTemplate(layout: TemplateLayout, slug: string, existing: readonly SpecSummary[]): NewSpec {
  if (layout === 'kiro') return kiro(slug);
  if (layout === 'speckit') return speckit(slug, existing);
  return openspec(slug);
}

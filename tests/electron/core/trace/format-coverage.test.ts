// Coverage per format in the trace report: Spec Kit tasks under `Phase N: User Story K` serve
// story K (without a [USK] tag); OpenSpec coverage is "not applicable" (no requirement listed as
// without tasks); Kiro keeps counting references.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSpecReport } from '../../../../electron/core/trace/spec-report';
import { detectSpecs, parseSpec } from '../../../../shared/specs';
import { sampleProject } from '../../../support/temp-workspace';

function parsed(files: Record<string, string>, id: string) {
  const location = detectSpecs(Object.keys(files)).find((l) => l.id === id)!;
  return parseSpec(location, (p) => files[p] ?? null);
}

const SPEC_MD = readFileSync(path.join(sampleProject, 'specs/001-note-search/spec.md'), 'utf8');

describe('trace coverage per format', () => {
  it('Spec Kit: a task under "Phase N: User Story K" serves story K', () => {
    const tasks = '# Tasks\n\n## Phase 1: Setup\n\n- [ ] T001 Create the project\n\n## Phase 2: User Story 1 - Find a todo (P1)\n\n- [ ] T002 Implement matching in src/search.ts\n';
    const spec = parsed({ 'specs/001-note-search/spec.md': SPEC_MD, 'specs/001-note-search/tasks.md': tasks }, 'specs/001-note-search');
    const report = buildSpecReport(spec, [], false);
    const story = report.requirements.find((r) => r.id === 'US1')!;
    expect(story.taskIds).toEqual(['T002']);
    expect(story.viaPhase).toEqual(['T002']);
    expect(report.coverage.requirementsWithoutTasks).not.toContain('US1');
    expect(report.tasks.find((t) => t.taskId === 'T001')!.requirementIds).toEqual([]);
    expect(report.coverageMode).toBe('references');
    expect(story.text?.length ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('Spec Kit: a [USn] tag is a reference, not a phase match', () => {
    const tasks = '# Tasks\n\n## Phase 2: User Story 1 - Find (P1)\n\n- [ ] T002 [US1] Implement\n';
    const spec = parsed({ 'specs/001-note-search/spec.md': SPEC_MD, 'specs/001-note-search/tasks.md': tasks }, 'specs/001-note-search');
    const story = buildSpecReport(spec, [], false).requirements.find((r) => r.id === 'US1')!;
    expect(story.taskIds).toEqual(['T002']);
    expect(story.viaPhase).toEqual([]);
  });

  it('OpenSpec: coverage is not applicable, so no requirement is "without tasks"', () => {
    const dir = path.join(sampleProject, 'openspec/changes/add-csv-export');
    const files = {
      'openspec/changes/add-csv-export/proposal.md': readFileSync(path.join(dir, 'proposal.md'), 'utf8'),
      'openspec/changes/add-csv-export/tasks.md': readFileSync(path.join(dir, 'tasks.md'), 'utf8'),
      'openspec/changes/add-csv-export/specs/export/spec.md': readFileSync(path.join(dir, 'specs/export/spec.md'), 'utf8'),
    };
    const spec = parsed(files, 'openspec/changes/add-csv-export');
    const report = buildSpecReport(spec, [], false);
    expect(report.requirements.length).toBeGreaterThan(0);
    expect(report.coverageMode).toBe('not-applicable');
    expect(report.coverage.requirementsWithoutTasks).toEqual([]);
  });
});

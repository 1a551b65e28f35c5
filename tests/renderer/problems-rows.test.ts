// The Problems view's rows: grouped by file, most severe first (as VS Code), filtered by severity and text, counted.
import { describe, expect, it } from 'vitest';
import type { SpecDiagnostic } from '../../shared/api/contract';
import { countBySeverity, problemRows } from '../../renderer/src/problems/problem-rows';

const d = (file: string, line: number, severity: SpecDiagnostic['severity'], message: string, code = 'x'): SpecDiagnostic => ({ specId: file.split('/').slice(0, -1).join('/'), severity, code, message, pos: { file, line, column: 1 } });
const all = { text: '', error: true, warning: true, info: true };
const list = [d('b/tasks.md', 9, 'warning', 'dangling ref 9.9', 'dangling-ref'), d('a/req.md', 3, 'error', 'duplicate id 1'), d('b/tasks.md', 2, 'info', 'no number'), d('a/req.md', 1, 'warning', 'empty criterion')];

describe('problem rows', () => {
  const shape = (rows: ReturnType<typeof problemRows>['rows']) => rows.map((r) => (r.kind === 'file' ? `# ${r.file} ${r.count}` : `${r.problem.pos.line} ${r.problem.severity}`));

  it('groups by file; in each file the most severe first, then by line', () => {
    const { rows, shown } = problemRows(list, all, {});
    expect(shown).toBe(4);
    expect(shape(rows)).toEqual(['# a/req.md 2', '3 error', '1 warning', '# b/tasks.md 2', '9 warning', '2 info']);
  });

  it('puts files with errors above files with only warnings or infos, whatever their paths (VS Code order)', () => {
    const infos = Array.from({ length: 3 }, (_, i) => d('a/many-infos.md', i + 1, 'info', `i${i}`));
    const mixed = [...infos, d('m/warn.md', 4, 'warning', 'w'), d('z/err.md', 8, 'error', 'e'), d('z/err.md', 2, 'error', 'e2'), d('b/warn.md', 1, 'warning', 'w2')];
    expect(shape(problemRows(mixed, all, {}).rows)).toEqual(['# z/err.md 2', '2 error', '8 error', '# b/warn.md 1', '1 warning', '# m/warn.md 1', '4 warning', '# a/many-infos.md 3', '1 info', '2 info', '3 info']);
    // A file's place follows what is shown: with errors filtered out, z/err.md is gone and warnings lead.
    expect(shape(problemRows(mixed, { ...all, error: false }, {}).rows)[0]).toBe('# b/warn.md 1');
  });

  it('filters by severity and by text (message, code, file), and collapses a file', () => {
    expect(problemRows(list, { ...all, warning: false, info: false }, {}).shown).toBe(1);
    expect(problemRows(list, { ...all, text: 'dangling' }, {}).rows.map((r) => r.key.slice(0, 12))).toEqual(['f:b/tasks.md', 'p:b/tasks.md']);
    expect(problemRows(list, { ...all, text: 'a/req' }, {}).shown).toBe(2);
    const collapsed = problemRows(list, all, { 'a/req.md': true }).rows;
    expect(collapsed.map((r) => r.kind)).toEqual(['file', 'file', 'problem', 'problem']);
  });

  it('counts per severity, and handles 10,000 diagnostics in one pass', () => {
    expect(countBySeverity(list)).toEqual({ error: 1, warning: 2, info: 1 });
    const many = Array.from({ length: 10_000 }, (_, i) => d(`s${i % 50}/tasks.md`, i, i % 3 === 0 ? 'error' : 'warning', `m${i}`));
    const { rows, shown } = problemRows(many, all, {});
    expect(shown).toBe(10_000);
    expect(rows.length).toBe(10_050);
  });
});

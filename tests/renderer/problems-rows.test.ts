// The Problems view's rows: grouped by file, in line order, filtered by severity and text, counted.
import { describe, expect, it } from 'vitest';
import type { SpecDiagnostic } from '../../shared/api/contract';
import { countBySeverity, problemRows } from '../../renderer/src/problems/problem-rows';

const d = (file: string, line: number, severity: SpecDiagnostic['severity'], message: string, code = 'x'): SpecDiagnostic => ({ specId: file.split('/').slice(0, -1).join('/'), severity, code, message, pos: { file, line, column: 1 } });
const all = { text: '', error: true, warning: true, info: true };
const list = [d('b/tasks.md', 9, 'warning', 'dangling ref 9.9', 'dangling-ref'), d('a/req.md', 3, 'error', 'duplicate id 1'), d('b/tasks.md', 2, 'info', 'no number'), d('a/req.md', 1, 'warning', 'empty criterion')];

describe('problem rows', () => {
  it('groups by file, files in order, problems in line order', () => {
    const { rows, shown } = problemRows(list, all, {});
    expect(shown).toBe(4);
    expect(rows.map((r) => (r.kind === 'file' ? `# ${r.file} ${r.count}` : `${r.problem.pos.line} ${r.problem.severity}`))).toEqual(['# a/req.md 2', '1 warning', '3 error', '# b/tasks.md 2', '2 info', '9 warning']);
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

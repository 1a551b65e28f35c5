// Bad input: parse what can be parsed, report the rest as diagnostics, never throw.
import { describe, expect, it } from 'vitest';
import { parseTasks } from '../../../shared/specs/tasks-markdown';
import { parseKiroRequirements } from '../../../shared/specs/parsers/kiro-requirements';
import { parseOpenSpecDoc } from '../../../shared/specs/parsers/openspec';
import { parseSpeckitSpec } from '../../../shared/specs/parsers/speckit-spec';
import { setTaskState } from '../../../shared/specs/task-edit';
import { codes, onlySpec } from './helpers';

const K = '.kiro/specs/demo';

describe('bad input never throws', () => {
  it('empty files give an empty spec and an info diagnostic', () => {
    const spec = onlySpec({ [`${K}/tasks.md`]: '', [`${K}/requirements.md`]: '' });
    expect(spec.tasks).toEqual([]);
    expect(spec.requirements).toEqual([]);
    expect(codes(spec).filter((c) => c === 'document-empty')).toHaveLength(2);
  });

  it('a file of front matter only has no tasks', () => {
    const spec = onlySpec({ [`${K}/tasks.md`]: '---\ntitle: x\ntags: [a, b]\n---\n' });
    expect(spec.tasks).toEqual([]);
  });

  it('a file that is only a BOM is empty', () => {
    const spec = onlySpec({ [`${K}/tasks.md`]: '\ufeff' });
    expect(spec.tasks).toEqual([]);
    expect(codes(spec)).toContain('document-empty');
  });

  it('a 50 MB tasks.md is read completely', () => {
    const line = '- [x] 1.1 Implement a feature with a title long enough to make this line about a hundred bytes\n';
    const count = Math.ceil((50 * 1024 * 1024) / line.length);
    const text = line.repeat(count);
    const { tasks } = parseTasks(text, 'big/tasks.md');
    expect(tasks).toHaveLength(count);
    expect(tasks[count - 1]!.pos.line).toBe(count);
    expect(tasks[count - 1]!.stateOffset).toBe((count - 1) * line.length + 3);
  }, 60_000); // half a million tasks: seconds on a loaded 2-core CI machine, so no default 5 s limit

  it('1,000 levels of nesting by indentation give depths 0..999', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}`).join('\n');
    const { tasks } = parseTasks(text, 'deep.md');
    expect(tasks).toHaveLength(1000);
    expect(tasks[999]!.depth).toBe(999);
    expect(tasks[999]!.parentId).toBe(tasks[998]!.id);
  });

  it('1,000 levels of numbering (1.1.1…) give depths 0..999', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => Array.from({ length: i + 1 }, () => '1').join('.'));
    const { tasks } = parseTasks(ids.map((id) => `- [ ] ${id} t`).join('\n'), 'deep.md');
    expect(tasks.map((t) => t.depth)).toEqual(ids.map((_, i) => i));
  });

  it('1,000 nested block quotes and lists in a requirements document do not throw', () => {
    const text = '### Requirement 1\n#### Acceptance Criteria\n' + '>'.repeat(1000) + ' 1. WHEN x THEN the system SHALL y\n' + Array.from({ length: 1000 }, (_, i) => `${'   '.repeat(i)}1. nested`).join('\n');
    expect(() => parseKiroRequirements(text, 'r.md', 'requirements')).not.toThrow();
    expect(() => parseSpeckitSpec(text, 's.md')).not.toThrow();
    expect(() => parseOpenSpecDoc(text, 'o.md', 'cap')).not.toThrow();
  });

  it('an unterminated code fence: tasks before it are read, the fence is reported', () => {
    const text = '- [ ] 1. before\n```\n- [ ] 2. inside\n';
    const { tasks, diagnostics, fencedCheckboxes } = parseTasks(text, 't.md');
    expect(tasks.map((t) => t.id)).toEqual(['1']);
    expect(fencedCheckboxes).toBe(1);
    expect(diagnostics.find((d) => d.code === 'unclosed-code-fence')?.pos.line).toBe(2);
  });

  it('mixed line endings: every line is read and an edit keeps each ending', () => {
    const text = '- [ ] 1. crlf\r\n- [ ] 2. lf\n- [ ] 3. cr inside\rstill line 3\r\n- [ ] 4. last';
    const { tasks } = parseTasks(text, 't.md');
    expect(tasks.map((t) => [t.id, t.pos.line])).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 4]]);
    expect(tasks[0]!.title).toBe('crlf');
    const edited = setTaskState(text, tasks[3]!, 'done');
    expect(edited).toBe(text.replace('- [ ] 4.', '- [x] 4.'));
  });

  it('NUL bytes are reported and the tasks around them are still read', () => {
    const spec = onlySpec({ [`${K}/tasks.md`]: '- [ ] 1. a\u0000b\n\u0000\u0000\n- [x] 2. c\n' });
    expect(spec.tasks.map((t) => t.id)).toEqual(['1', '2']);
    expect(codes(spec)).toContain('nul-bytes');
  });

  it('text decoded from invalid UTF-8 (replacement characters, lone surrogates) parses', () => {
    const text = '- [ ] 1. caf\ufffd\ud800\n- [\ud800] 2. odd box\n- [x] 3. ok\n';
    const { tasks } = parseTasks(text, 't.md');
    expect(tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(tasks[1]!.state).toBe('unknown');
  });

  it('invalid JSON in .config.kiro is a warning with a position; the spec still parses', () => {
    const spec = onlySpec({ [`${K}/.config.kiro`]: '{"specId": "x",\n  "workflowType": }', [`${K}/tasks.md`]: '- [ ] 1. a' });
    const d = spec.diagnostics.find((x) => x.code === 'config-invalid-json');
    expect(d?.severity).toBe('warning');
    expect(d?.pos.line).toBe(2);
    expect(spec.config?.values).toBeNull();
    expect(spec.tasks).toHaveLength(1);
  });

  it.each([['[1, 2]'], ['"text"'], ['null'], ['']])('a .config.kiro of %j is reported, not thrown', (json) => {
    const spec = onlySpec({ [`${K}/.config.kiro`]: json, [`${K}/tasks.md`]: '- [ ] 1. a' });
    expect(spec.diagnostics.some((d) => d.code.startsWith('config-'))).toBe(true);
  });

  it('half-written task lines and stray brackets are not tasks and do not throw', () => {
    const text = ['- [', '- []', '- [ x ] padded', '- [ab] two chars', '- [A](http://x) link', '[x] no bullet', '-[x] no space', '* [x]', '1) [ ] ordered'].join('\n');
    const { tasks } = parseTasks(text, 't.md');
    expect(tasks.map((t) => t.pos.line)).toEqual([8, 9]);
  });

  it('a missing document is a diagnostic', () => {
    const spec = onlySpec({ [`${K}/tasks.md`]: '- [ ] 1. a' });
    const withMissing = { ...spec };
    expect(withMissing.tasks).toHaveLength(1);
    const read = (p: string) => (p.endsWith('requirements.md') ? null : '- [ ] 1. a');
    const s2 = onlySpecWithReader([`${K}/tasks.md`, `${K}/requirements.md`], read);
    expect(codes(s2)).toContain('document-unreadable');
  });
});

import { detectSpecs, parseSpec } from '../../../shared/specs/index';
function onlySpecWithReader(paths: string[], read: (p: string) => string | null) {
  return parseSpec(detectSpecs(paths)[0]!, read);
}

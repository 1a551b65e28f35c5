// Audited dependency findings on the shared corpus (issue 10 item 3, and item 5's change conflicts).
// Each finding below was read against its file; the test pins them (expected present, nothing else)
// and re-checks each with a rule of its own, independent of the parser's:
//   task-graph-checkpoint-outside  the task's line says "Checkpoint" and its ID is not in the JSON block
//   task-graph-missing-task        its ID (nor a parent's) is not in the JSON block
//   openspec-change-conflict       two active changes' delta files both head the requirement under
//                                  `## MODIFIED|REMOVED|RENAMED Requirements`
// Audit (this corpus): 25/25, 1/1 and 4/4 real (one per shared requirement: the 11 read before,
// one per change, were the same 4 requirements); no task-graph-unknown-task, task-dependency-*
// or task-graph-invalid finding anywhere (every real graph reads).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Spec } from '../../shared/specs/model';
import { checkChangeConflicts } from '../../shared/specs/diagnostics/change-conflicts';
import { corpusRepos, parseRepo, requireCorpus } from './corpus-support';

interface Found {
  repo: string;
  root: string;
  spec: Spec;
  d: Diagnostic;
}
const found: Found[] = [];
const specs: { repo: string; root: string; spec: Spec }[] = [];

beforeAll(() => {
  requireCorpus();
  for (const r of corpusRepos()) {
    const parsed = parseRepo(r.root);
    const conflicts = checkChangeConflicts(parsed);
    for (const spec of parsed) {
      specs.push({ repo: r.name, root: r.root, spec });
      for (const d of [...spec.diagnostics, ...(conflicts.get(spec.id) ?? [])]) {
        if (/^(task-graph|task-dependency|openspec-change-conflict)/.test(d.code)) found.push({ repo: r.name, root: r.root, spec, d });
      }
    }
  }
});

const byCode = (code: string) => found.filter((f) => f.d.code === code);
const fileText = (f: { root: string }, file: string) => readFileSync(path.join(f.root, file), 'utf8');
/** The JSON block under `## Task Dependency Graph`, as text, by a plain search (not our parser). */
function graphText(text: string): string {
  const at = text.search(/^#+ Task Dependency Graph/m);
  if (at === -1) return '';
  const open = text.indexOf('```', at);
  return text.slice(open, text.indexOf('```', open + 3));
}
/** Whether a `"tasks": […]` list of the block names `id` (as a string or a number), or a bare-array wave does. */
function listed(graph: string, id: string): boolean {
  const lists = [...graph.matchAll(/"tasks"\s*:\s*\[([^\]]*)\]/g)].map((m) => m[1]!);
  return lists.some((l) => l.split(',').some((v) => v.trim().replace(/^"|"$/g, '') === id));
}

describe('dependency findings on the corpus (audited)', () => {
  it('pins the count of each code; codes with no real instance here do not fire', () => {
    const counts: Record<string, number> = {};
    for (const f of found) counts[f.d.code] = (counts[f.d.code] ?? 0) + 1;
    expect(counts).toEqual({ 'task-graph-checkpoint-outside': 25, 'task-graph-missing-task': 1, 'openspec-change-conflict': 4 });
  });

  it('every checkpoint outside the graph is a checkpoint whose ID the graph does not list (done ones are info)', () => {
    for (const f of byCode('task-graph-checkpoint-outside')) {
      const text = fileText(f, f.d.pos.file);
      const line = text.split('\n')[f.d.pos.line - 1]!;
      expect(line, `${f.d.pos.file}:${f.d.pos.line}`).toMatch(/checkpoint/i);
      const id = /\] (\d+)\./.exec(line)![1]!;
      expect(listed(graphText(text), id), `${f.d.pos.file}:${f.d.pos.line}`).toBe(false);
      expect(f.d.severity).toBe(/\[[xX]\]/.test(line) ? 'info' : 'warning');
    }
  });

  it('the task missing from the graph is 10.10 of ArmouredSouls 35 (10.1–10.9 are listed)', () => {
    const [f] = byCode('task-graph-missing-task');
    expect([f!.repo, f!.d.pos.file, f!.d.pos.line]).toEqual(['RobertTeunissen__ArmouredSouls', '.kiro/specs/done-may26/35-booking-office-facility/tasks.md', 245]);
    const graph = graphText(fileText(f!, f!.d.pos.file));
    expect(listed(graph, '10.10')).toBe(false);
    expect(listed(graph, '10.9')).toBe(true);
  });

  it('every change conflict names a requirement another active change also modifies, removes or renames', () => {
    for (const f of byCode('openspec-change-conflict')) {
      const name = /"(.+?)" of/.exec(f.d.message)![1]!;
      const others = /also changed by (.+?);/.exec(f.d.message)![1]!.split(', ').map((o) => o.replace(/ \(.*\)$/, ''));
      const capability = f.d.pos.file.slice(f.spec.folder.length + '/specs/'.length, -'/spec.md'.length);
      for (const other of [f.spec.folder.slice(f.spec.folder.lastIndexOf('/') + 1), ...others]) {
        const folder = `${f.spec.folder.slice(0, f.spec.folder.lastIndexOf('/'))}/${other}`;
        const text = fileText(f, `${folder}/specs/${capability}/spec.md`);
        // The requirement's heading sits in a MODIFIED/REMOVED/RENAMED section of that change.
        const heading = text.indexOf(`### Requirement: ${name}`);
        expect(heading, `${folder}: ${name}`).toBeGreaterThan(-1);
        const section = text.slice(0, heading).match(/^## (\w+) Requirements/gm)!.at(-1)!;
        expect(section, `${folder}: ${name}`).toMatch(/MODIFIED|REMOVED|RENAMED/);
        expect(specs.find((s) => s.spec.id === folder)?.spec.archived ?? false).toBe(false);
      }
    }
  });

  it('every Kiro graph in the corpus reads, and each listed task has its wave', () => {
    const withGraph = specs.filter((s) => s.spec.dependencies?.source === 'kiro-graph');
    expect(withGraph.length).toBe(10); // ArmouredSouls 33–38 and 40–43
    for (const s of withGraph) {
      for (const w of s.spec.dependencies!.waves) {
        for (const id of w.tasks) expect(s.spec.tasks.find((t) => t.id === id)?.wave, `${s.spec.id} ${id}`).toBe(w.index);
      }
    }
  });
});

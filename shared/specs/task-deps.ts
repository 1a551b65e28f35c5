// One dependency model for every format: Kiro's wave graph, Spec Kit's `(depends on T012)`, cc-sdd's
// `_Depends: 1.2_`. It fills each task's `dependsOn` and `wave`, computes the ready set, and reports
// what does not add up (unknown IDs, tasks left out of the graph, cycles, checkpoints outside it).
//
// Rules (written down because formats leave them implicit):
// - A wave without `depends_on`/`dependsOn` waits for the wave before it (Kiro runs waves in order).
// - A wave's `depends_on` value names a wave when the waves carry IDs (`"id": 0`, `"wave": 1`) or
//   names (and it matches one); otherwise it names a task (`"dependsOn": ["2", "3"]`).
// - A task the graph leaves out takes the wave and dependencies of its nearest listed ancestor; a
//   parent left out whose sub-tasks are listed is a container (no wave of its own).
// - `[P]` / `(P)` only say a task may run beside others: they add no dependency, and file order adds none.
// - A dependency is met when the task is done or skipped, or all its sub-tasks are.
// - Ready: open (todo or in progress), not blocked, no open sub-tasks, every dependency met; in a
//   spec with a graph, only tasks that have a wave.
import type { Diagnostic, Task, TaskDependencies, TaskWave } from './model';
import type { TaskGraph } from './task-graph';

export interface GraphBlock {
  graph: TaskGraph;
  /** The `## Task Dependency Graph` heading line and the fence's first content line. */
  headingLine: number;
  fenceLine: number;
}

const NONE: readonly string[] = [];

export function buildDependencies(tasks: Task[], block: GraphBlock | null, file: string): { dependencies: TaskDependencies; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number) => ({ file, line, column: 1 });
  const inline = tasks.some((t) => t.dependsOn && t.dependsOn.length > 0);
  // Tasks by ID are only looked up for declared dependencies (most files declare none).
  const byId = new Map<string, Task>();
  if (block || inline) {
    for (const t of tasks) if (t.numbered && !byId.has(t.id)) byId.set(t.id, t);
    // `- [ ] [T065] …` writes the ID as a label: a dependency on T065 means that task.
    for (const t of tasks) {
      if (t.numbered) continue;
      const label = t.tags.find((g) => /^T-?\d{1,9}[a-z]?$/i.test(g));
      if (label && !byId.has(label)) byId.set(label, t);
    }
  }
  const children = new Map<Task, Task[]>();
  const parentOf = new Map<Task, Task>();
  {
    // Parents resolve to the nearest earlier task with that ID, as the task list does.
    const seen = new Map<string, Task>();
    for (const t of tasks) {
      const p = t.parentId === null ? undefined : seen.get(t.parentId);
      if (p) {
        parentOf.set(t, p);
        (children.get(p) ?? children.set(p, []).get(p)!).push(t);
      }
      seen.set(t.id, t);
    }
  }

  let waves: TaskWave[] = [];
  let source: TaskDependencies['source'] = 'none';
  // Inline dependencies naming no task (the graph's own IDs are checked where it is read): one finding per task, naming them all.
  for (const t of tasks) {
    if (t.dependsOn === undefined || t.dependsOn.length === 0) continue;
    const unknown = t.dependsOn.filter((d) => !byId.has(d));
    if (unknown.length === 0) continue;
    const names = unknown.length > 6 ? `${unknown.slice(0, 5).join(', ')} and ${unknown.length - 5} more` : unknown.join(', ');
    diagnostics.push({
      severity: 'warning',
      code: 'task-dependency-unknown',
      message: `Task ${t.id} depends on ${names}, ${unknown.length === 1 ? 'which is not a task' : 'which are not tasks'} of this file`,
      pos: t.pos,
    });
  }
  // Without inline dependencies or a wave's own `depends_on`, every dependency points to an earlier
  // wave: no cycle is possible and the search is skipped.
  let mayCycle = inline;
  if (block) {
    source = 'kiro-graph';
    for (const p of block.graph.problems) diagnostics.push({ severity: 'warning', code: 'task-graph-invalid', message: p.message, pos: at(p.line) });
    waves = applyGraph(block, tasks, byId, children, parentOf, diagnostics, at);
    if (block.graph.waves.some((w) => w.dependsOn !== null)) mayCycle = true;
  } else if (inline) {
    source = 'inline';
  }

  if (mayCycle || source === 'inline') {
    const keyOf = new Map<Task, string>();
    for (const [id, t] of byId) keyOf.set(t, id);
    if (mayCycle) reportCycles(tasks, byId, keyOf, diagnostics);
    if (source === 'inline') waves = layerWaves(tasks, byId, keyOf);
  }

  const done = doneChecker(children);
  // Tasks of one wave share one dependency list: decide it once.
  const met = new Map<readonly string[], boolean>();
  const allMet = (deps: readonly string[]): boolean => {
    let v = met.get(deps);
    if (v === undefined) {
      v = deps.every((d) => {
        const dep = byId.get(d);
        return dep === undefined ? true : done(dep);
      });
      met.set(deps, v);
    }
    return v;
  };
  const ready: string[] = [];
  for (const t of tasks) {
    if (t.state !== 'todo' && t.state !== 'in-progress') continue;
    if (t.blockedReason) continue;
    if (source === 'kiro-graph' && (t.wave === null || t.wave === undefined)) continue;
    const kids = children.get(t);
    if (kids !== undefined && kids.some((c) => !done(c))) continue;
    if (allMet(t.dependsOn ?? NONE)) ready.push(t.id);
  }
  const dependencies: TaskDependencies = { source, waves, ready };
  if (block) dependencies.pos = at(block.headingLine);
  return { dependencies, diagnostics };
}

function applyGraph(
  block: GraphBlock,
  tasks: Task[],
  byId: Map<string, Task>,
  children: Map<Task, Task[]>,
  parentOf: Map<Task, Task>,
  diagnostics: Diagnostic[],
  at: (line: number) => Diagnostic['pos'],
): TaskWave[] {
  const { graph } = block;
  const waves: TaskWave[] = graph.waves.map((w, index) => ({ index, name: w.name ?? w.explicitId, description: w.description, tasks: w.tasks.map((t) => t.id) }));
  // Which wave each listed task is in (the first, when listed twice).
  const waveOf = new Map<string, number>();
  graph.waves.forEach((w, index) => {
    for (const t of w.tasks) {
      if (!byId.has(t.id)) {
        diagnostics.push({ severity: 'warning', code: 'task-graph-unknown-task', message: `The dependency graph names task ${t.id}, which this file does not have`, pos: at(t.line) });
        continue;
      }
      if (waveOf.has(t.id)) {
        diagnostics.push({ severity: 'warning', code: 'task-graph-duplicate-task', message: `Task ${t.id} is in wave ${waveOf.get(t.id)! + 1} and again in wave ${index + 1}; the first is used`, pos: at(t.line) });
        continue;
      }
      waveOf.set(t.id, index);
    }
  });
  // Wave-level dependencies: the tasks each wave waits for.
  const hasWaveKeys = graph.waves.some((w) => w.explicitId !== null);
  const waveByKey = new Map<string, number>();
  graph.waves.forEach((w, i) => {
    if (w.explicitId !== null) waveByKey.set(w.explicitId, i);
    if (w.name !== null) waveByKey.set(w.name, i);
  });
  const waits: string[][] = graph.waves.map((w, i) => {
    if (w.dependsOn === null) return i === 0 ? [] : listed(i - 1);
    const out: string[] = [];
    for (const d of w.dependsOn) {
      const wave = hasWaveKeys || !byId.has(d.value) ? waveByKey.get(d.value) : undefined;
      if (wave !== undefined) out.push(...listed(wave));
      else if (byId.has(d.value)) out.push(d.value);
      else diagnostics.push({ severity: 'warning', code: 'task-graph-unknown-task', message: `A wave of the dependency graph depends on ${d.value}, which is neither a wave nor a task of this file`, pos: at(d.line) });
    }
    return out;
  });
  const waitsFor = waits.map((w) => new Set(w));
  function listed(wave: number): string[] {
    return graph.waves[wave]!.tasks.map((t) => t.id).filter((id) => waveOf.get(id) === wave);
  }

  const hasListedDescendant = (t: Task): boolean => (children.get(t) ?? []).some((c) => waveOf.has(c.id) || hasListedDescendant(c));
  for (const t of tasks) {
    let wave: number | undefined = t.numbered ? waveOf.get(t.id) : undefined;
    let owner: Task | undefined = wave === undefined ? undefined : t;
    if (wave === undefined) {
      for (let p = parentOf.get(t); p; p = parentOf.get(p)) {
        const w = p.numbered ? waveOf.get(p.id) : undefined;
        if (w !== undefined) {
          wave = w;
          owner = p;
          break;
        }
      }
    }
    if (wave !== undefined && owner) {
      t.wave = wave;
      const own = t.dependsOn ?? [];
      const shared = waits[wave]!;
      // The common case shares the wave's list (one array per wave, not per task).
      if (own.length === 0 && !waitsFor[wave]!.has(t.id) && !waitsFor[wave]!.has(owner.id)) t.dependsOn = shared;
      else t.dependsOn = [...new Set([...shared.filter((id) => id !== t.id && id !== owner.id), ...own])];
      continue;
    }
    t.wave = null;
    if (!t.numbered || hasListedDescendant(t)) continue;
    const checkpoint = /\bcheckpoint\b/i.test(t.title);
    // Once the task is done, where a runner would have put it no longer matters: info only.
    const severity = t.state === 'done' || t.state === 'skipped' ? 'info' : 'warning';
    diagnostics.push(
      checkpoint
        ? {
            severity,
            code: 'task-graph-checkpoint-outside',
            message: `Checkpoint ${t.id} is not in the dependency graph, so a wave runner leaves it to the end (kirodotdev/Kiro#9602); add it to the wave after the tasks it checks`,
            pos: t.pos,
          }
        : { severity, code: 'task-graph-missing-task', message: `Task ${t.id} is not in the dependency graph (nor is a parent of it)`, pos: t.pos },
    );
  }
  return waves;
}

/** Each cycle once, reported at its first task in file order. */
function reportCycles(tasks: Task[], byId: Map<string, Task>, keyOf: Map<Task, string>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, 1 | 2>(); // 1: on the path, 2: finished
  const reported = new Set<string>();
  for (const start of tasks) {
    const key = keyOf.get(start);
    if (key === undefined || state.has(key)) continue;
    // Iterative DFS: a long chain of dependencies must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: key, next: 0 }];
    state.set(key, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = byId.get(top.id)?.dependsOn ?? [];
      if (top.next >= deps.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const d = deps[top.next++]!;
      if (!byId.has(d)) continue;
      const s = state.get(d);
      if (s === undefined) {
        state.set(d, 1);
        stack.push({ id: d, next: 0 });
      } else if (s === 1) {
        const cycle = stack.slice(stack.findIndex((f) => f.id === d)).map((f) => f.id);
        const key = [...cycle].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        const first = cycle.map((id) => byId.get(id)!).sort((a, b) => a.pos.line - b.pos.line)[0]!;
        diagnostics.push({
          severity: 'error',
          code: 'task-dependency-cycle',
          message: `Tasks wait for each other in a cycle, so none of them can start: ${[...cycle, d].join(' → ')}`,
          pos: first.pos,
        });
      }
    }
  }
}

/** Waves from inline dependencies: a task's wave is one more than the latest wave it waits for. */
function layerWaves(tasks: Task[], byId: Map<string, Task>, keyOf: Map<Task, string>): TaskWave[] {
  const memo = new Map<Task, number>();
  const waveOf = (root: Task): number => {
    // Iterative post-order; a node met again while on the path (a cycle) counts as wave 0.
    const onPath = new Set<Task>();
    const stack: Task[] = [root];
    while (stack.length > 0) {
      const t = stack[stack.length - 1]!;
      if (memo.has(t)) {
        stack.pop();
        continue;
      }
      onPath.add(t);
      const pending = (t.dependsOn ?? []).map((d) => byId.get(d)).filter((d): d is Task => d !== undefined && !memo.has(d) && !onPath.has(d));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      let w = 0;
      for (const d of t.dependsOn ?? []) {
        const dep = byId.get(d);
        const m = dep === undefined ? undefined : memo.get(dep);
        if (m !== undefined) w = Math.max(w, m + 1);
      }
      memo.set(t, w);
      onPath.delete(t);
      stack.pop();
    }
    return memo.get(root)!;
  };
  const waves: TaskWave[] = [];
  for (const t of tasks) {
    if (!keyOf.has(t)) continue;
    const w = waveOf(t);
    t.wave = w;
    while (waves.length <= w) waves.push({ index: waves.length, name: null, description: null, tasks: [] });
    waves[w]!.tasks.push(t.id);
  }
  return waves;
}

function doneChecker(children: Map<Task, Task[]>): (t: Task) => boolean {
  const memo = new Map<Task, boolean>();
  const done = (t: Task): boolean => {
    const m = memo.get(t);
    if (m !== undefined) return m;
    const kids = children.get(t) ?? [];
    const v = t.state === 'done' || t.state === 'skipped' || (kids.length > 0 && kids.every(done));
    memo.set(t, v);
    return v;
  };
  return done;
}

// --- Inline declarations -------------------------------------------------------------------------

const ID_TOKEN = /^(?:tasks?[ \t]+)?([A-Za-z]{0,3}-?\d{1,9}[A-Za-z]?(?:\.\d{1,9}[A-Za-z]?)*)/i;

/** `T012, T013`, `T007-T009`, `1.2 and 1.3`, `T008 for WS plugin` → task IDs. */
export function dependencyIds(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/[,，;；]|\band\b|&/)) {
    const s = part.trim().replace(/^[_*`]+|[_*`.]+$/g, '');
    if (s === '') continue;
    const range = /^([A-Za-z]{0,3}-?)(\d{1,9})[ \t]*(?:-|–|—|to|through)[ \t]*([A-Za-z]{0,3}-?)?(\d{1,9})$/i.exec(s);
    if (range && (range[3] === undefined || range[3] === range[1])) {
      const lo = Number(range[2]);
      const hi = Number(range[4]);
      const width = range[2]!.length;
      if (hi >= lo && hi - lo <= 200) {
        for (let n = lo; n <= hi; n++) out.push(range[1] + String(n).padStart(width, '0'));
        continue;
      }
    }
    const m = ID_TOKEN.exec(s);
    if (m) out.push(m[1]!);
  }
  return out;
}

// `(depends on T012, T013)` in the task text (Spec Kit).
const DEPENDS_PAREN = /\(depends(?:[ \t]+on)?[ \t:]+([^)]*)\)/i;
// `_Depends: 1.2_` / `**Depends on**: 1.2` on a detail line or in the text (cc-sdd).
// A lookbehind, not `(?:^|[\s(_*])[_*]*`: that run retried from every star of a long `****` run
// is quadratic; the marker is found at the same places either way.
const DEPENDS_MARK = /(?<![^\s(_*])Depends(?:[ \t]+on)?[_*]*[ \t]*[:：][_*]*[ \t]*([^_*\n]*)/i;
// `_Blocked: waiting for the API_` (cc-sdd).
// The reason runs to the end; its closing `[ \t]*[_*]*[ \t]*` is cut in code (a lazy body before
// that tail backtracks quadratically).
const BLOCKED_MARK = /(?<![^\s(_*])Blocked[_*]*[ \t]*[:：][_*]*[ \t]*(.*)$/i;

// The words dependsOnLine and blockedOnLine look for first, in one search: most lines have neither.
// Case-insensitive like the markers themselves (`DEPENDS:`, `_BLOCKED: …_` are markers too); spelt
// as classes, which match the same (without `u`, `i` folds ASCII letters only to ASCII letters)
// and cost less than `i` on every line.
const DEPENDENCY_WORDS = /[Dd][Ee][Pp][Ee][Nn][Dd][Ss]|[Bb][Ll][Oo][Cc][Kk][Ee][Dd]/;
const DEPENDS_WORD = /depends/i;
const BLOCKED_WORD = /blocked/i;

/** Whether the line may carry a dependency or blocked marker (false: neither function below finds one). */
export function mayCarryDependencyMarks(line: string): boolean {
  return DEPENDENCY_WORDS.test(line);
}

/** Dependencies declared on one line (task text or detail line), or null. */
export function dependsOnLine(line: string): string[] | null {
  if (!DEPENDS_WORD.test(line)) return null;
  const m = DEPENDS_PAREN.exec(line) ?? DEPENDS_MARK.exec(line);
  if (!m) return null;
  const ids = dependencyIds(m[1]!);
  return ids.length > 0 ? ids : null;
}

/** `text` without its longest `[ \t]*[_*]*[ \t]*` ending. */
function withoutClosingEmphasis(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  while (end > 0 && (text[end - 1] === '_' || text[end - 1] === '*')) end--;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** The reason of a `_Blocked: …_` marker on the line, or null. */
export function blockedOnLine(line: string): string | null {
  if (!BLOCKED_WORD.test(line)) return null;
  const m = BLOCKED_MARK.exec(line);
  if (!m) return null;
  const reason = withoutClosingEmphasis(m[1]!).replace(/[_*]+$/, '').trim();
  return reason === '' ? 'blocked' : reason;
}

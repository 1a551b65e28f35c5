// Reads checkbox tasks from a tasks document (Kiro, cc-sdd, Spec Kit, OpenSpec shapes), with
// their hierarchy, references and position. Tolerant: anything it cannot read is a diagnostic.
import type { Diagnostic, SpecFormat, Task, TaskRef, TaskState } from './model';
import { headingOf, LineCursor, type LineInfo } from './markdown-lines';
import { hasColon, refsOnColonLine, speckitHeadingRef, speckitInlineRefs, speckitSectionRefs } from './refs';
import { blockedOnLine, dependsOnLine, mayCarryDependencyMarks, type GraphBlock } from './task-deps';
import { readTaskGraph } from './task-graph';
import { eachMatch } from './each-match';

// A list item (bullet or ordered `1.`/`1)`) whose content starts with a one-character box that
// is not followed by `(` or `[` (which would make it a Markdown link, `- [A](url)`).
const TASK_LINE = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[([^\]\r\n])\](?![([])(.*)$/s;
// The task's ID as written: `1.`, `2.1`, `2.1.1`, `15A.1`, `T012`, `T033a`, `**T-1.1**:`; `*` after
// it marks an optional task (`2.2*`).
const TASK_ID = /^(\*\*)?((?:TASK-|T-?)?\d{1,9}[A-Za-z]?(?:\.\d{1,9}[A-Za-z]?)*)(\.?)(\\?\*)?(\*\*)?:?(?=[ \t]|$)/s;
const LEADING_LABELS = /^(?:[ \t]*\[[A-Za-z][A-Za-z0-9-]{0,15}\])+/;
const LABEL = /\[([A-Za-z][A-Za-z0-9-]{0,15})\]/g;
const CC_SDD_PARALLEL = /^\(P\)[ \t]*/;
// Kiro heading tasks: `## Task 1: Title`, `### Task 1.1: Title`, `## Task 2 - Title`.
const HEADING_TASK = /^Task[ \t]+(\d{1,9}[A-Za-z]?(?:\.\d{1,9}[A-Za-z]?)*)\.?(?:[ \t]*[:：.\-–—][ \t]*|[ \t]+|$)(.*)$/s;
// A numbered main task written without a checkbox, at column 0: `- 1. Title`, `1. Title`, `- **1. Title**`.
// It is read as a task only when a checkbox sub-task numbered under it follows (`- [ ] 1.1`).
const BOXLESS_MAIN = /^(?:[-*+][ \t]+)?(\*\*)?(\d{1,9})[.)][ \t]+(?!\[.\])(.+)$/s;
const GRAPH_HEADING = /^(?:Task[ \t]+)?Dependency[ \t]+Graph\b/i;

/** How state characters read, per format: `[~]` is in progress for Kiro, cc-sdd and OpenSpec, skipped for Spec Kit. */
export type StateMap = Readonly<Record<string, TaskState>>;

export function defaultStates(format: SpecFormat): StateMap {
  return { '~': format === 'speckit' ? 'skipped' : 'in-progress' };
}

export function stateOf(char: string, states?: StateMap): TaskState {
  const mapped = states?.[char];
  if (mapped !== undefined) return mapped;
  if (char === ' ') return 'todo';
  if (char === 'x' || char === 'X') return 'done';
  if (char === '-') return 'in-progress';
  return 'unknown';
}

export interface TaskParseOptions {
  /** State characters read differently from the format's default (`.specdeck/settings.json`). */
  states?: StateMap;
}

export interface TaskParseResult {
  tasks: Task[];
  diagnostics: Diagnostic[];
  /** Checkbox-looking lines inside fenced code blocks: not tasks here, counted by the OpenSpec CLI. */
  fencedCheckboxes: number;
  /** Kiro's `## Task Dependency Graph` block, when the file has one. */
  graph: GraphBlock | null;
}

export function parseTasks(text: string, file: string, format: SpecFormat = 'kiro', options: TaskParseOptions = {}): TaskParseResult {
  const states: StateMap = { ...defaultStates(format), ...options.states };
  const tasks: Task[] = [];
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, Task>();
  const lastAtLevel: Task[] = []; // the latest numbered task with k+1 ID segments
  // The open ancestors by indentation, as two parallel stacks (no object per task).
  const stackIndent: number[] = [];
  const stackTask: Task[] = [];
  let section: string | null = null;
  // The heading enclosing `section` (level 2 or deeper: a level-1 title names the file, not a group).
  let sectionParent: string | null = null;
  const headingTexts: { level: number; text: string }[] = [];
  let block: Task | null = null;
  // References written for a whole section, outside any task (`_Requirements: …_` under a
  // `## Task Group` heading, Spec Kit's `**Goal**: … (FR-005 to FR-027)` and story headings):
  // every task of the section serves them. The objects are shared, so they are reported once.
  // One entry per open heading level, so an `## Phase` goal also covers its `### Tests` subsection.
  const sectionLevels: number[] = [];
  const sectionRefStack: TaskRef[][] = [];
  let sectionRefs: TaskRef[] = [];
  let fencedCheckboxes = 0;
  // The heading task whose section we are in (its checkboxes are its sub-tasks or steps).
  let headingTask: Task | null = null;
  let boxless: { id: string; title: string; line: number; start: number; bold: boolean } | null = null;
  const noBox: Task[] = [];
  // The dependency graph: 'want' after its heading, 'in' inside its fence, then 'done'.
  let graphState: 'none' | 'want' | 'in' | 'done' = 'none';
  let graphHeadingLine = 0;
  let graphFenceLine = 0;
  const graphLines: string[] = [];

  const scan = new LineCursor(text);
  while (scan.next()) {
    const line: LineInfo = scan;
    const s = line.text;
    if (graphState === 'in' && !line.fenced) graphState = 'done';
    if (line.fenced) {
      if (graphState === 'want') {
        // The first fence after the heading; `json`, `jsonc` or no info string.
        graphState = /^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:jsonc?)?[ \t]*$/i.test(s) ? 'in' : 'done';
        graphFenceLine = line.no + 1;
        continue;
      }
      if (graphState === 'in') graphLines.push(s);
      if (s.includes('[') && TASK_LINE.test(s)) {
        fencedCheckboxes++;
        diagnostics.push({
          severity: 'info',
          code: 'task-in-code-fence',
          message: 'A checkbox inside a fenced code block is not a task here (the OpenSpec CLI counts it)',
          pos: { file, line: line.no, column: 1 },
        });
      }
      continue;
    }
    // A blank line changes nothing below (it neither ends a block nor carries a mark).
    if (s.length === 0) continue;
    const heading = headingOf(s);
    if (heading) {
      section = heading.text;
      while (headingTexts.length > 0 && headingTexts[headingTexts.length - 1]!.level >= heading.level) headingTexts.pop();
      const enclosing = headingTexts[headingTexts.length - 1];
      sectionParent = enclosing && enclosing.level >= 2 ? enclosing.text : null;
      headingTexts.push(heading);
      block = null;
      boxless = null;
      while (sectionLevels.length > 0 && sectionLevels[sectionLevels.length - 1]! >= heading.level) {
        sectionLevels.pop();
        sectionRefStack.pop();
      }
      const own: TaskRef[] = [];
      if (format === 'speckit') {
        const story = speckitHeadingRef(heading.text, { file, line: line.no, column: 1 });
        if (story) own.push(story);
      }
      sectionLevels.push(heading.level);
      sectionRefStack.push(own);
      sectionRefs = flatRefs(sectionRefStack);
      // A heading starts a new context: tasks under it are not children of the tasks above it.
      stackIndent.length = 0;
      stackTask.length = 0;
      lastAtLevel.length = 0;
      if (graphState === 'want') graphState = 'done';
      if (graphState === 'none' && GRAPH_HEADING.test(heading.text)) {
        graphState = 'want';
        graphHeadingLine = line.no;
      }
      const ht = heading.text.startsWith('Task') ? HEADING_TASK.exec(heading.text) : null;
      headingTask = ht ? readHeadingTask(ht, s, line.no) : null;
      if (headingTask) block = headingTask;
      continue;
    }
    const m = mayBeListItemWithBox(s) ? TASK_LINE.exec(s) : null;
    if (m && !(format === 'speckit' && m[2] === 'P')) {
      block = readTask(m, s, line.no, line.start);
      continue;
    }
    if (s.length > 2 && startsListLike(s.charCodeAt(0))) {
      const bm = BOXLESS_MAIN.exec(s);
      if (bm) {
        let title = bm[3]!.trimEnd();
        if (bm[1] && title.endsWith('**')) title = title.slice(0, -2).trimEnd();
        // Only a candidate: it becomes a task when a checkbox numbered under it follows.
        boxless = { id: bm[2]!, title, line: line.no, start: line.start, bold: Boolean(bm[1]) };
      }
    }
    // Spec Kit's `**Checkpoint**: … satisfying FR-002` closes the phase its last task ends.
    // Reference markers, `**Goal**:` lines and `_Depends:_`/`_Blocked:_` marks all have a colon; only
    // `(depends on …)` may come without one.
    const colon = hasColon(s);
    const refs = colon ? (refsOnColonLine(s, file, line.no) ?? (format === 'speckit' ? speckitSectionRefs(s, { file, line: line.no }) : null)) : null;
    if (block !== null) {
      if (refs) addRefs(block, refs);
      readDependencyMarks(block, s, colon);
    } else {
      if (refs) {
        if (sectionRefStack.length === 0) {
          sectionLevels.push(0);
          sectionRefStack.push([]);
        }
        sectionRefStack[sectionRefStack.length - 1]!.push(...refs);
        sectionRefs = flatRefs(sectionRefStack);
      }
    }
  }

  /** `_Depends: …_`, `_Blocked: …_` (both with a colon) and `(depends on …)` on the line. */
  function readDependencyMarks(task: Task, s: string, colon: boolean): void {
    if ((!colon && s.indexOf('(') === -1) || !mayCarryDependencyMarks(s)) return;
    const deps = dependsOnLine(s);
    if (deps) task.dependsOn = [...(task.dependsOn ?? []), ...deps];
    const blocked = blockedOnLine(s);
    if (blocked !== null) task.blockedReason = blocked;
  }

  function readHeadingTask(ht: RegExpExecArray, s: string, lineNo: number): Task {
    const id = ht[1]!;
    const task = taskWithoutBox(id, ht[2]!.trim(), { file, line: lineNo, column: s.indexOf('#') + 1 }, null);
    // `### Task 1.1:` sits under `## Task 1:` by its number.
    const dot = id.lastIndexOf('.');
    const parent = dot > 0 ? byId.get(id.slice(0, dot)) : undefined;
    if (parent) {
      task.parentId = parent.id;
      task.depth = parent.depth + 1;
    }
    tasks.push(task);
    noBox.push(task);
    if (!byId.has(id)) byId.set(id, task);
    // Checkboxes under it are its children by indentation (it is the base of the stack).
    stackIndent.push(-1);
    stackTask.push(task);
    return task;
  }

  function readTask(m: RegExpExecArray, s: string, lineNo: number, start: number): Task {
    const indentText = m[1]!;
    const stateChar = m[2]!;
    let rest = m[3]!;
    let optional = false;
    // `]*` and `]\*` mark an optional task.
    let at = 0;
    if (rest.charCodeAt(0) === 92 && rest.charCodeAt(1) === 42) at = 2;
    else if (rest.charCodeAt(0) === 42) at = 1;
    if (at > 0) optional = true;
    rest = rest.slice(skipBlanks(rest, at));
    let idm = TASK_ID.exec(rest);
    // `- [ ] 0 build errors`: a bare 0 without a dot, then a lower-case word, is a count in a
    // checklist item, not a task ID (tasks are numbered from 1).
    if (idm && !idm[1] && !idm[3] && idm[2] === '0' && /^[ \t]+[a-z]/.test(rest.slice(idm[0].length))) idm = null;
    let id: string;
    let title = rest;
    if (idm) {
      id = idm[2]!;
      if (idm[4]) optional = true;
      title = rest.slice(skipBlanks(rest, idm[0].length));
      if (idm[1] && !idm[5] && title.endsWith('**')) title = title.slice(0, -2).trimEnd();
    } else {
      id = `L${lineNo}`;
    }
    let numbered = idm !== null;
    // Under `### Task 2.2:`, `- [x] 1. Run the tests` is a step, not task 1.
    if (numbered && headingTask && !id.startsWith(headingTask.id + '.') && !id.includes('.')) {
      numbered = false;
      id = `L${lineNo}`;
      title = rest;
    }
    // `- 1. Title` without a box, then `- [ ] 1.1 …`: the main task is a task without a checkbox.
    if (boxless && numbered && id.startsWith(boxless.id + '.') && !byId.has(boxless.id)) {
      const main = taskWithoutBox(boxless.id, boxless.title, { file, line: boxless.line, column: 1 }, section);
      placeInHierarchy(main, -1);
      tasks.push(main);
      noBox.push(main);
      byId.set(main.id, main);
      boxless = null;
    }
    const tags: string[] = [];
    const pos = { file, line: lineNo, column: indentText.length + 1 };
    const task: Task = {
      id,
      numbered,
      title,
      state: stateOf(stateChar, states),
      stateChar,
      optional,
      depth: 0,
      parentId: null,
      refs: [],
      pos,
      stateOffset: start + s.indexOf('[', indentText.length) + 1,
      tags,
      refDetails: [],
      section,
    };
    if (sectionParent !== null) task.sectionParent = sectionParent;
    const first = title.charCodeAt(skipBlanks(title, 0));
    const labels = first === 91 ? LEADING_LABELS.exec(title) : null; // `[`
    if (labels) eachMatch(LABEL, labels[0], (l) => tags.push(l[1]!));
    if (first === 40 && CC_SDD_PARALLEL.test(title)) tags.push('P'); // `(`
    if (format === 'speckit') {
      const inline = speckitInlineRefs(title, pos);
      for (const t of tags) if (/^US\d+$/i.test(t)) inline.unshift({ raw: t, kind: 'id', ids: [t.toUpperCase()], pos });
      addRefs(task, inline);
    }
    if (task.state === 'unknown') {
      diagnostics.push({
        severity: 'info',
        code: 'task-unknown-state',
        message: `Task ${id} has the state [${stateChar}], which is neither todo, in progress nor done; it is kept as is`,
        pos,
      });
    }
    readDependencyMarks(task, title, hasColon(title));
    if (sectionRefs.length > 0) {
      // A task tagged with its own story (`[US2]`) does not inherit the heading's story.
      const isStory = (id: string) => /^US\d/.test(id);
      const ownStory = task.refDetails!.some((r) => r.ids.some(isStory));
      addRefs(task, ownStory ? sectionRefs.filter((r) => !(r.kind === 'id' && r.ids.length > 0 && r.ids.every(isStory))) : sectionRefs);
    }
    placeInHierarchy(task, indentWidth(indentText));
    tasks.push(task);
    if (task.numbered) byId.set(id, task);
    return task;
  }

  function placeInHierarchy(task: Task, indent: number): void {
    while (stackIndent.length > 0 && stackIndent[stackIndent.length - 1]! >= indent) {
      stackIndent.pop();
      stackTask.pop();
    }
    const structural = stackTask.length > 0 ? stackTask[stackTask.length - 1]! : null;
    const dot = task.numbered ? task.id.lastIndexOf('.') : -1;
    // A letter sub-level (`6.2a`) belongs to the task it extends (`6.2`) when there is one.
    const letterBase = task.numbered && endsDigitLetter(task.id) ? task.id.slice(0, -1) : null;
    const numberParentId = letterBase !== null && byId.has(letterBase) ? letterBase : dot > 0 ? task.id.slice(0, dot) : null;
    const byNumber = numberParentId !== null ? (byId.get(numberParentId) ?? null) : null;
    // The number decides first; indentation decides when the number names no earlier task.
    const parent = byNumber ?? structural;
    task.parentId = parent ? parent.id : null;
    task.depth = parent ? parent.depth + 1 : 0;
    const segments = task.numbered ? segmentCount(task.id) : 0;
    if (numberParentId !== null) {
      const context = structural ?? lastAtLevel[segments - 2] ?? null;
      // `6.2a` beside `6.2` (under `6`) is where its writer meant it.
      const besideBase = letterBase !== null && numberParentId === letterBase && context !== null && context.id === byNumber!.parentId;
      if (context && context.numbered && context.id !== numberParentId && byNumber !== context && !besideBase) {
        diagnostics.push({
          severity: 'warning',
          code: 'task-wrong-parent',
          message: `Task ${task.id} sits under task ${context.id}, but its number says its parent is ${numberParentId}`,
          pos: task.pos,
        });
      }
    }
    if (task.numbered) {
      lastAtLevel[segments - 1] = task;
      lastAtLevel.length = segments;
    }
    stackIndent.push(indent);
    stackTask.push(task);
  }

  deriveBoxlessStates(tasks, noBox);
  // Lines are collected only inside the graph's fence: none means no graph block.
  const graph = graphLines.length > 0 ? { graph: readTaskGraph(stripFenceCloser(graphLines).join('\n'), graphFenceLine), headingLine: graphHeadingLine, fenceLine: graphFenceLine } : null;
  if (scan.unclosedFenceLine !== null) {
    diagnostics.push({
      severity: 'warning',
      code: 'unclosed-code-fence',
      message: 'This code fence is never closed; everything after it is read as code, so no tasks are read there',
      pos: { file, line: scan.unclosedFenceLine, column: 1 },
    });
  }
  return { tasks, diagnostics, fencedCheckboxes, graph };
}

/** A task written without a checkbox: its state is derived later, nothing can tick it. */
function taskWithoutBox(id: string, title: string, pos: Task['pos'], section: string | null): Task {
  return { id, numbered: true, title, state: 'todo', stateChar: '', optional: false, depth: 0, parentId: null, refs: [], pos, stateOffset: -1, tags: [], refDetails: [], section, checkbox: false };
}

function stripFenceCloser(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  return last !== undefined && /^[ \t]*(?:`{3,}|~{3,})[ \t]*$/.test(last) ? lines.slice(0, -1) : lines;
}

/**
 * A task without a checkbox shows its sub-tasks' progress: done when every required one is done
 * (or skipped), in progress when any has started, todo otherwise. A heading task with no sub-tasks
 * that ends with ✅ is done.
 */
function deriveBoxlessStates(tasks: Task[], noBox: Task[]): void {
  if (noBox.length === 0) return;
  const kids = new Map<string, Task[]>();
  for (const t of tasks) if (t.parentId !== null) (kids.get(t.parentId) ?? kids.set(t.parentId, []).get(t.parentId)!).push(t);
  // Deepest first, so `### Task 1.1` is settled before `## Task 1`.
  for (const t of [...noBox].sort((a, b) => b.depth - a.depth)) {
    const children = kids.get(t.id) ?? [];
    const required = children.filter((c) => !c.optional);
    const counted = required.length > 0 ? required : children;
    if (counted.length === 0) t.state = /✅|✔/.test(t.title) ? 'done' : 'todo';
    else if (counted.every((c) => c.state === 'done' || c.state === 'skipped')) t.state = 'done';
    else if (counted.some((c) => c.state === 'done' || c.state === 'in-progress' || c.state === 'skipped')) t.state = 'in-progress';
    else t.state = 'todo';
  }
}

const NO_REFS: TaskRef[] = [];
/** The section references in force (read-only: shared by every task under them). */
function flatRefs(stack: TaskRef[][]): TaskRef[] {
  return stack.some((refs) => refs.length > 0) ? stack.flat() : NO_REFS;
}

function addRefs(task: Task, refs: TaskRef[]): void {
  for (const r of refs) {
    task.refDetails!.push(r);
    if (r.kind === 'free' || r.kind === 'all' || r.kind === 'design') task.refs.push(r.raw);
    else for (const id of r.ids) task.refs.push(id);
  }
}

function segmentCount(id: string): number {
  let n = 1;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) === 46) n++;
  return n;
}

function indentWidth(indent: string): number {
  let w = 0;
  for (let i = 0; i < indent.length; i++) w = indent.charCodeAt(i) === 9 ? w + 4 - (w % 4) : w + 1;
  return w;
}

/** `/\d[A-Za-z]$/.test(id)` without a regex call. */
function endsDigitLetter(id: string): boolean {
  const n = id.length;
  if (n < 2) return false;
  const last = id.charCodeAt(n - 1) | 32; // lower-cases ASCII letters
  const before = id.charCodeAt(n - 2);
  return last >= 97 && last <= 122 && before >= 48 && before <= 57;
}

/** A bullet (`-`, `*`, `+`) or a digit: what a list item (TASK_LINE) or BOXLESS_MAIN starts with. */
function startsListLike(c: number): boolean {
  return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
}

/** TASK_LINE's cheap half: a list item's first character after the indentation, and a `[` later. */
function mayBeListItemWithBox(s: string): boolean {
  const i = skipBlanks(s, 0);
  return i < s.length && startsListLike(s.charCodeAt(i)) && s.indexOf('[', i + 1) !== -1;
}

function skipBlanks(s: string, from: number): number {
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

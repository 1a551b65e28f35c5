// Reads Kiro's `## Task Dependency Graph` JSON block into plain waves. A small JSON reader of our
// own, not JSON.parse: it keeps numbers as written (`6.10` stays `6.10`, not 6.1), knows the line of
// every value for diagnostics, and stops at a depth and size limit, since the text comes from
// whatever repository was opened.
import { depthExceededAt } from '../json/read-limited';

/** Larger blocks are not read (a diagnostic says so): a real graph of 1,000 tasks is ~30 KB. */
export const MAX_GRAPH_CHARS = 1_000_000;
/** Real graphs nest 4 levels (`{waves:[{tasks:[…]}]}`); deeper is refused before any recursion. */
export const MAX_GRAPH_DEPTH = 32;

export interface GraphWave {
  /** `id` or `wave` as written, when the wave has one. */
  explicitId: string | null;
  name: string | null;
  description: string | null;
  tasks: { id: string; line: number }[];
  /** `depends_on` / `dependsOn` values as written, or null when the wave declares none. */
  dependsOn: { value: string; line: number }[] | null;
  line: number;
}

export interface TaskGraph {
  waves: GraphWave[];
  /** What could not be read, with the line in the file (1-based). */
  problems: { message: string; line: number }[];
}

type Json =
  | { t: 'obj'; at: number; entries: [string, Json][] }
  | { t: 'arr'; at: number; items: Json[] }
  | { t: 'str'; at: number; v: string }
  | { t: 'num'; at: number; v: string }
  | { t: 'lit'; at: number; v: string };

class JsonError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** `text` is the block's content; `firstLine` the file line of its first character. */
export function readTaskGraph(text: string, firstLine: number): TaskGraph {
  const lineAt = lineLocator(text, firstLine);
  const problems: TaskGraph['problems'] = [];
  if (text.length > MAX_GRAPH_CHARS) {
    return { waves: [], problems: [{ message: `The dependency graph block has ${text.length} characters, more than the ${MAX_GRAPH_CHARS} read`, line: firstLine }] };
  }
  const tooDeep = depthExceededAt(text, MAX_GRAPH_DEPTH);
  if (tooDeep !== -1) {
    return { waves: [], problems: [{ message: `The dependency graph nests deeper than ${MAX_GRAPH_DEPTH} levels; it is not read`, line: lineAt(tooDeep) }] };
  }
  let root: Json;
  try {
    root = new Reader(text).document();
  } catch (error) {
    const at = error instanceof JsonError ? error.at : 0;
    return { waves: [], problems: [{ message: `The dependency graph is not valid JSON: ${(error as Error).message}`, line: lineAt(at) }] };
  }
  const list = root.t === 'arr' ? root : root.t === 'obj' ? field(root, 'waves') : undefined;
  if (!list || list.t !== 'arr') {
    problems.push({ message: 'The dependency graph has no "waves" list', line: lineAt(root.at) });
    return { waves: [], problems };
  }
  const waves: GraphWave[] = [];
  for (const item of list.items) {
    const wave: GraphWave = { explicitId: null, name: null, description: null, tasks: [], dependsOn: null, line: lineAt(item.at) };
    if (item.t === 'arr') {
      // Bare arrays, as bugfix specs write them: `{"waves":[["1","2"],["3"]]}`.
      readIds(item, wave.tasks);
    } else if (item.t === 'obj') {
      const id = field(item, 'id') ?? field(item, 'wave');
      if (id && (id.t === 'num' || id.t === 'str')) wave.explicitId = id.v;
      wave.name = text1(field(item, 'name') ?? field(item, 'title'));
      wave.description = text1(field(item, 'description'));
      const tasks = field(item, 'tasks');
      if (tasks?.t === 'arr') readIds(tasks, wave.tasks);
      else problems.push({ message: 'A wave of the dependency graph has no "tasks" list', line: lineAt(item.at) });
      const deps = field(item, 'depends_on') ?? field(item, 'dependsOn') ?? field(item, 'dependencies');
      if (deps) {
        wave.dependsOn = [];
        if (deps.t === 'arr') {
          for (const d of deps.items) if (d.t === 'num' || d.t === 'str') wave.dependsOn.push({ value: d.v.trim(), line: lineAt(d.at) });
        } else if (deps.t === 'num' || deps.t === 'str') wave.dependsOn.push({ value: deps.v.trim(), line: lineAt(deps.at) });
      }
    } else {
      problems.push({ message: 'A wave of the dependency graph is neither a list nor an object', line: lineAt(item.at) });
      continue;
    }
    waves.push(wave);
  }
  return { waves, problems };

  function readIds(arr: Extract<Json, { t: 'arr' }>, out: GraphWave['tasks']): void {
    for (const v of arr.items) {
      const raw = v.t === 'num' || v.t === 'str' ? v.v : v.t === 'obj' ? idOf(v) : null;
      const id = raw === null ? null : normaliseId(raw);
      if (id) out.push({ id, line: lineAt(v.at) });
      else problems.push({ message: 'An entry of a wave is not a task ID', line: lineAt(v.at) });
    }
  }
}

/** `"Task 1.1"` and `" 1.1 "` name task `1.1`. */
function normaliseId(raw: string): string | null {
  const id = raw.trim().replace(/^task[ \t]+/i, '');
  return id === '' ? null : id;
}

function idOf(obj: Extract<Json, { t: 'obj' }>): string | null {
  const v = field(obj, 'id') ?? field(obj, 'task');
  return v && (v.t === 'str' || v.t === 'num') ? v.v : null;
}

function field(obj: Extract<Json, { t: 'obj' }>, key: string): Json | undefined {
  for (const [k, v] of obj.entries) if (k === key) return v;
  return undefined;
}

function text1(v: Json | undefined): string | null {
  return v && (v.t === 'str' || v.t === 'num') ? v.v : null;
}

function lineLocator(text: string, firstLine: number): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Strict JSON (RFC 8259); recursion is bounded by the depth pre-check. */
class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  document(): Json {
    const v = this.value();
    this.blank();
    if (this.i < this.s.length) throw new JsonError(`unexpected text after the value at offset ${this.i}`, this.i);
    return v;
  }

  private blank(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private value(): Json {
    this.blank();
    const at = this.i;
    const c = this.s[at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { t: 'str', at, v: this.string() };
    for (const lit of ['true', 'false', 'null']) {
      if (this.s.startsWith(lit, at)) {
        this.i += lit.length;
        return { t: 'lit', at, v: lit };
      }
    }
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(this.s);
    if (m) {
      this.i += m[0].length;
      return { t: 'num', at, v: m[0] };
    }
    throw new JsonError(c === undefined ? 'the block ends before a value' : `unexpected ${JSON.stringify(c)}`, at);
  }

  private object(): Json {
    const at = this.i++;
    const entries: [string, Json][] = [];
    this.blank();
    if (this.s[this.i] === '}') {
      this.i++;
      return { t: 'obj', at, entries };
    }
    for (;;) {
      this.blank();
      if (this.s[this.i] !== '"') throw new JsonError('expected a quoted key', this.i);
      const key = this.string();
      this.blank();
      if (this.s[this.i] !== ':') throw new JsonError('expected ":" after a key', this.i);
      this.i++;
      entries.push([key, this.value()]);
      this.blank();
      const c = this.s[this.i++];
      if (c === '}') return { t: 'obj', at, entries };
      if (c !== ',') throw new JsonError('expected "," or "}"', this.i - 1);
    }
  }

  private array(): Json {
    const at = this.i++;
    const items: Json[] = [];
    this.blank();
    if (this.s[this.i] === ']') {
      this.i++;
      return { t: 'arr', at, items };
    }
    for (;;) {
      items.push(this.value());
      this.blank();
      const c = this.s[this.i++];
      if (c === ']') return { t: 'arr', at, items };
      if (c !== ',') throw new JsonError('expected "," or "]"', this.i - 1);
    }
  }

  private string(): string {
    const s = this.s;
    const start = ++this.i;
    let out = '';
    let from = start;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(from, this.i++);
        return out;
      }
      if (c < 32) throw new JsonError('a control character inside a string', this.i);
      if (c === 92) {
        out += s.slice(from, this.i);
        const e = s[this.i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else throw new JsonError('a bad escape inside a string', this.i);
        from = this.i;
        continue;
      }
      this.i++;
    }
    throw new JsonError('a string is never closed', start - 1);
  }
}

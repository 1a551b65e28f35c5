// OpenSpec's small YAML files: a change's `.openspec.yaml` and `openspec/config.yaml`. A reader for
// the subset they use, not a YAML library: top-level `key: value` with plain or quoted scalars,
// `[a, b]` flow lists, `- item` block lists and `|`/`>` block scalars (kept as text). No anchors,
// aliases, tags or nested maps are interpreted (nested blocks are skipped), so a hostile file can
// cost no more than one pass over its lines.
import type { Diagnostic, OpenSpecChangeMeta, OpenSpecRootConfig } from '../model';
import { textMemo } from '../text-memo';

export type YamlValue = string | boolean | null | string[] | { nested: true };

const MAX_YAML_CHARS = 256 * 1024;
// `key: value`. Was `/^(key)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/`, whose lazy value retried the blank
// tail at every position (a 40 KB run of spaces took seconds): the value's blanks are cut in code.
const KEY = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:(.*)$/;

/** The key and its value without surrounding blanks, or null when the line is not `key:` or `key: value`. */
export function keyValue(line: string): { key: string; rest: string } | null {
  const m = KEY.exec(line);
  if (!m) return null;
  const after = m[2]!;
  let from = 0;
  while (from < after.length && (after[from] === ' ' || after[from] === '\t')) from++;
  // `key:value` is not a key line; `key:` followed only by blanks is.
  if (from === 0 && after !== '') return null;
  let to = after.length;
  while (to > from && (after[to - 1] === ' ' || after[to - 1] === '\t')) to--;
  return { key: m[1]!, rest: after.slice(from, to) };
}

export function readYamlSubset(text: string): { values: Map<string, YamlValue>; problems: { line: number; message: string }[] } {
  const values = new Map<string, YamlValue>();
  const problems: { line: number; message: string }[] = [];
  if (text.length > MAX_YAML_CHARS) return { values, problems: [{ line: 1, message: `larger than ${MAX_YAML_CHARS} characters; not read` }] };
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#') || raw === '---') continue;
    if (/^[ \t]/.test(raw)) {
      problems.push({ line: i + 1, message: 'an indented line outside any key' });
      continue;
    }
    const kv = keyValue(stripComment(raw));
    if (!kv) {
      problems.push({ line: i + 1, message: `not a "key: value" line: ${raw.slice(0, 60)}` });
      continue;
    }
    const { key, rest } = kv;
    // The lines that belong to this key: indented ones, or `- item` lines right below it.
    const body: string[] = [];
    while (i + 1 < lines.length && (/^[ \t]/.test(lines[i + 1]!) || lines[i + 1]!.trim() === '' || (rest === '' && lines[i + 1]!.startsWith('- ')))) {
      body.push(lines[++i]!);
    }
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    if (rest === '|' || rest === '>' || /^[|>][-+]?$/.test(rest)) {
      const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
      const textLines = body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
      values.set(key, rest.startsWith('|') ? textLines.join('\n') : textLines.join(' ').replace(/\s+/g, ' ').trim());
    } else if (rest !== '') {
      values.set(key, scalarOrFlow(rest));
    } else if (body.length === 0) {
      values.set(key, null);
    } else if (body.every((l) => l.trim() === '' || /^[ \t]*- /.test(l) || /^[ \t]*-$/.test(l))) {
      values.set(
        key,
        body.filter((l) => l.trim() !== '').map((l) => {
          const v = scalar(stripComment(l).trim().replace(/^-[ \t]*/, ''));
          return typeof v === 'string' ? v : String(v);
        }),
      );
    } else {
      values.set(key, { nested: true });
    }
  }
  return { values, problems };
}

function stripComment(line: string): string {
  // A `#` after a blank starts a comment, unless it sits inside quotes.
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i).trimEnd();
  }
  return line;
}

function scalarOrFlow(s: string): YamlValue {
  const t = s.trim();
  if (t.startsWith('[') && t.endsWith(']')) {
    const inner = t.slice(1, -1).trim();
    if (inner === '') return [];
    return splitFlow(inner).map((p) => {
      const v = scalar(p.trim());
      return typeof v === 'string' ? v : String(v);
    });
  }
  return scalar(t);
}

/** A flow list's items: commas inside `{…}` (`[{ id: a, remote: x }, b]`) or quotes do not split. */
function splitFlow(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(inner.slice(from));
  return parts;
}

/**
 * A `references:` entry: a store ID or path, or a map with its clone source
 * (`{ id: platform-reqs, remote: "git@…" }`, OpenSpec stores beta): its `id`.
 */
function referenceId(entry: string): string | null {
  const t = entry.trim();
  if (!(t.startsWith('{') && t.endsWith('}'))) return t === '' ? null : t;
  for (const field of splitFlow(t.slice(1, -1))) {
    const m = /^[ \t]*id[ \t]*:[ \t]*(.*)$/.exec(field);
    if (m) {
      const v = scalar(m[1]!.trim());
      return typeof v === 'string' && v !== '' ? v : null;
    }
  }
  return null;
}

function scalar(s: string): string | boolean | null {
  if (s.length >= 2 && ((s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) {
    const body = s.slice(1, -1);
    return s[0] === "'" ? body.replace(/''/g, "'") : body.replace(/\\(["\\nt])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (s === '' || s === '~' || /^(?:null|Null|NULL)$/.test(s)) return null;
  return s;
}

const text = (v: YamlValue | undefined): string | null => (typeof v === 'string' ? v : null);
const list = (v: YamlValue | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);

/** A change's `.openspec.yaml`: the fields Specdeck shows. */
export function parseChangeMeta(source: string, path: string): { meta: OpenSpecChangeMeta; diagnostics: Diagnostic[] } {
  const { values, problems } = readYamlSubset(source);
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    severity: 'warning',
    code: 'openspec-meta-invalid',
    message: `${path}: ${p.message}`,
    pos: { file: path, line: p.line, column: 1 },
  }));
  const skip = values.get('skip_specs');
  const meta: OpenSpecChangeMeta = {
    path,
    schema: text(values.get('schema')),
    created: text(values.get('created')),
    goal: text(values.get('goal')),
    affectedAreas: list(values.get('affected_areas')),
    skipSpecs: typeof skip === 'boolean' ? skip : Array.isArray(skip) ? skip : typeof skip === 'string' ? [skip] : null,
    retireCapabilities: typeof values.get('retire_capabilities') === 'boolean' ? (values.get('retire_capabilities') as boolean) : list(values.get('retire_capabilities')),
  };
  return { meta, diagnostics };
}

export function parseOpenSpecConfig(source: string, path: string): { config: OpenSpecRootConfig; diagnostics: Diagnostic[] } {
  const { values, problems } = readYamlSubset(source);
  return {
    config: { path, store: text(values.get('store')), references: list(values.get('references')).map(referenceId).filter((r): r is string => r !== null) },
    // Only the keys Specdeck reads can be wrong for it; `context: |` and `rules:` maps are OpenSpec's.
    diagnostics: problems.map((p) => ({ severity: 'info', code: 'openspec-config-unread', message: `${path}: ${p.message}`, pos: { file: path, line: p.line, column: 1 } })),
  };
}

// Every spec under an OpenSpec root reads the same `config.yaml`, and the workspace reports its
// findings once: one parse per text serves both.
const rootConfigs = textMemo<{ config: OpenSpecRootConfig; diagnostics: Diagnostic[] }>();

/** `parseOpenSpecConfig`, memoised by path and text. The result is shared: do not change it. */
export function readOpenSpecConfig(source: string, path: string): { readonly config: OpenSpecRootConfig; readonly diagnostics: readonly Diagnostic[] } {
  return rootConfigs.get(path, source, () => parseOpenSpecConfig(source, path));
}

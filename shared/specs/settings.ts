// The repository's own Specdeck settings, committed with it: `.specdeck/settings.json`.
// Today it says how state characters read, per repository and per format:
//
//   { "taskStates": { "~": "skipped", "kiro": { "~": "in-progress" } } }
//
// A character key applies to every format; a format key (`kiro`, `cc-sdd`, `speckit`,
// `openspec-change`, …) holds overrides for that format only, which win. `[ ]`, `[x]` and `[X]`
// keep their meaning. Anything not understood is a diagnostic and is ignored; nothing else changes.
import type { Diagnostic, SpecFormat, TaskState } from './model';
import type { StateMap } from './tasks-markdown';
import { kindOf } from './formats/registry';
import { parseJsonLimited } from '../json/read-limited';

export const SETTINGS_PATH = '.specdeck/settings.json';
const LIMITS = { maxLength: 64 * 1024, maxDepth: 16 };
const STATES: readonly TaskState[] = ['todo', 'in-progress', 'done', 'skipped', 'unknown'];
const FIXED = new Set([' ', 'x', 'X']);

export interface SpecdeckSettings {
  taskStates: { all: Record<string, TaskState>; byFormat: Partial<Record<SpecFormat, Record<string, TaskState>>> };
}

export const DEFAULT_SETTINGS: SpecdeckSettings = { taskStates: { all: {}, byFormat: {} } };

export function parseSettings(text: string, path: string = SETTINGS_PATH): { settings: SpecdeckSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings: SpecdeckSettings = { taskStates: { all: {}, byFormat: {} } };
  const problem = (message: string) => diagnostics.push({ severity: 'warning', code: 'settings-invalid', message, pos: { file: path, line: 1, column: 1 } });
  const parsed = parseJsonLimited(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, LIMITS);
  if (!parsed.ok) {
    problem(parsed.reason === 'invalid' ? `${path} is not valid JSON: ${parsed.message}` : `${path} is not read: ${parsed.message}`);
    return { settings, diagnostics };
  }
  const root = parsed.value;
  if (!isObject(root)) {
    problem(`${path} must hold a JSON object`);
    return { settings, diagnostics };
  }
  const states = root['taskStates'];
  if (states === undefined) return { settings, diagnostics };
  if (!isObject(states)) {
    problem('"taskStates" must be an object such as { "~": "skipped" }');
    return { settings, diagnostics };
  }
  const readMap = (obj: Record<string, unknown>, into: Record<string, TaskState>, where: string) => {
    for (const [key, value] of Object.entries(obj)) {
      if ([...key].length !== 1 || key === ']' || key === '\n' || key === '\r') problem(`${where}: "${key}" is not one state character`);
      else if (FIXED.has(key)) problem(`${where}: "[${key}]" always means ${key === ' ' ? 'todo' : 'done'}; it cannot be changed`);
      else if (typeof value !== 'string' || !STATES.includes(value as TaskState)) problem(`${where}: "${key}" must map to one of ${STATES.join(', ')}`);
      else into[key] = value as TaskState;
    }
  };
  const chars: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(states)) {
    // A format key is any spec kind the registry knows (a format registered at start-up too).
    if (kindOf(key) !== null) {
      if (!isObject(value)) problem(`taskStates.${key} must be an object such as { "~": "skipped" }`);
      else readMap(value, (settings.taskStates.byFormat[key as SpecFormat] = {}), `taskStates.${key}`);
    } else chars[key] = value;
  }
  readMap(chars, settings.taskStates.all, 'taskStates');
  return { settings, diagnostics };
}

/** The state overrides for one format (format keys win over character keys). */
export function statesFor(settings: SpecdeckSettings, format: SpecFormat): StateMap {
  return { ...settings.taskStates.all, ...settings.taskStates.byFormat[format] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

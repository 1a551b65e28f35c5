// The spec's own metadata file: Kiro's `.config.kiro` (`specId`, `workflowType`, `specType`, or the
// older `generationMode`) or cc-sdd's `spec.json`. Invalid, too large or too deeply nested JSON is a
// diagnostic, never a throw.
import { parseJsonLimited } from '../json/read-limited';
import type { Diagnostic, SpecConfig } from './model';

export function parseSpecConfig(text: string, file: string): { config: SpecConfig; diagnostics: Diagnostic[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { config: { path: file, values: {} }, diagnostics: [diag('info', 'config-empty', `${file} is empty`, file, 1, 1)] };
  }
  const parsed = parseJsonLimited(body);
  if (!parsed.ok && parsed.reason !== 'invalid') {
    const code = parsed.reason === 'too-deep' ? 'config-too-deep' : 'config-too-large';
    return { config: { path: file, values: null }, diagnostics: [diag('warning', code, `${file} is not read: ${parsed.message}`, file, 1, 1)] };
  }
  if (!parsed.ok) {
    const { line, column } = errorPosition(body, parsed.error);
    return { config: { path: file, values: null }, diagnostics: [diag('warning', 'config-invalid-json', `${file} is not valid JSON: ${parsed.message}`, file, line, column)] };
  }
  const values = parsed.value;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return { config: { path: file, values: null }, diagnostics: [diag('warning', 'config-not-object', `${file} is JSON but not an object`, file, 1, 1)] };
  }
  return { config: { path: file, values: values as Record<string, unknown> }, diagnostics: [] };
}

/**
 * Where JSON.parse failed. Newer V8 says `at position N`; Node 20's V8 instead quotes about ten
 * characters either side (`Unexpected token '}', ..."Type": }" is not valid JSON`), which we find in
 * the text. Falls back to the start of the file.
 */
function errorPosition(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  let at = -1;
  const pos = /position (\d+)/.exec(message);
  if (pos) at = Number(pos[1]);
  else if (/end of JSON input/.test(message)) at = text.length;
  else {
    const quoted = /^Unexpected token '([^]*?)', (\.\.\.)?"([^]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
    const found = quoted ? text.indexOf(quoted[3]!) : -1;
    if (quoted && found !== -1) at = quoted[2] ? found + 10 : found + Math.max(0, quoted[3]!.indexOf(quoted[1]!));
  }
  if (at < 0) return { line: 1, column: 1 };
  at = Math.min(at, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

function diag(severity: Diagnostic['severity'], code: string, message: string, file: string, line: number, column: number): Diagnostic {
  return { severity, code, message, pos: { file, line, column } };
}

// `specdeck check` findings as JSON (docs/schemas/check.schema.json), SARIF 2.1.0 (code-scanning
// UIs) and JUnit XML (test-report UIs). Pure: paths come in workspace-relative; SARIF URIs are
// made relative to the repository's top level (`uriPrefix`: the workspace's folder inside it).
import type { Severity } from '../specs/model';
import { EVIDENCE_VERSION } from './model';

export interface CheckFinding {
  spec: string;
  severity: Severity;
  code: string;
  message: string;
  /** Workspace-relative. */
  file: string;
  line: number;
  column: number;
}

export interface CheckJson {
  version: number;
  tool: { name: 'specdeck'; version: string };
  findings: CheckFinding[];
  summary: { errors: number; warnings: number; info: number };
}

export function checkJson(findings: readonly CheckFinding[], all: readonly CheckFinding[], toolVersion: string): CheckJson {
  return { version: EVIDENCE_VERSION, tool: { name: 'specdeck', version: toolVersion }, findings: [...findings], summary: summarize(all) };
}

function summarize(all: readonly CheckFinding[]) {
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  return { errors, warnings, info: all.length - errors - warnings };
}

/** What each code means, for SARIF rule metadata; codes not listed get a generic description. */
export const RULE_DESCRIPTIONS: Record<string, string> = {
  'done-without-evidence': 'A done task has no linked code, commit, @spec tag, changed named file or citing test.',
  'done-names-missing-file': 'A done task names a file that does not exist.',
  'evidence-only-local': "A task's evidence exists only in this machine's link store (uncommitted).",
  'requirement-tests-failed': 'A test citing the requirement failed in the given JUnit results.',
  'suspect-link': 'A link whose code, task or requirement changed since it was made.',
  'orphaned-link': 'A link whose task no longer exists.',
  'dangling-reference': 'A task refers to a requirement that does not exist.',
  'duplicate-task-id': 'Two tasks share an ID.',
  'duplicate-requirement-id': 'Two requirements share an ID.',
  'uncovered-requirement': 'No task refers to the requirement.',
  'parent-done-children-open': 'A parent task is done while a required sub-task is open.',
  'ears-none': 'An acceptance criterion follows no EARS pattern.',
  'needs-clarification': 'The spec still has a [NEEDS CLARIFICATION] marker.',
};

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  /** The workspace folder relative to the repository top level ('' when they are the same). */
  uriPrefix: string;
  /** `file://` URI of the repository top level (or the workspace without git), ending in `/`. */
  rootUri: string;
}

export function checkSarif(findings: readonly CheckFinding[], options: SarifOptions): object {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const ruleIndex = new Map(codes.map((c, i) => [c, i]));
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    const prev = worst.get(f.code);
    if (!prev || rank(f.severity) > rank(prev)) worst.set(f.code, f.severity);
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specdeck',
            version: options.toolVersion,
            rules: codes.map((code) => ({
              id: code,
              name: code.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: RULE_DESCRIPTIONS[code] ?? `Specdeck spec check: ${code}` },
              defaultConfiguration: { level: SARIF_LEVEL[worst.get(code)!] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: options.rootUri } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIndex.get(f.code)!,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodePath(options.uriPrefix ? `${options.uriPrefix}/${f.file}` : f.file), uriBaseId: 'SRCROOT' },
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
          properties: { spec: f.spec },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function rank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}

/** A relative URI reference: each segment percent-encoded, `/` kept. */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** One test suite per spec; errors and warnings are failures, info passes (its text as output). */
export function checkJunit(findings: readonly CheckFinding[], specIds: readonly string[]): string {
  const bySpec = new Map<string, CheckFinding[]>(specIds.map((id) => [id, []]));
  for (const f of findings) bySpec.set(f.spec, [...(bySpec.get(f.spec) ?? []), f]);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [spec, list] of bySpec) {
    const cases = list.length === 0 ? [`    <testcase name="no findings" classname="${xml(spec)}"/>`] : list.map((f) => testcase(spec, f));
    const failed = list.filter((f) => f.severity !== 'info').length;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(spec)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="specdeck check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>`;
}

function testcase(spec: string, f: CheckFinding): string {
  const head = `    <testcase name="${xml(`${f.code} ${f.file}:${f.line}`)}" classname="${xml(spec)}" file="${xml(f.file)}"`;
  if (f.severity === 'info') return `${head}>\n      <system-out>${xml(f.message)}</system-out>\n    </testcase>`;
  return `${head}>\n      <failure type="${xml(f.code)}" message="${xml(f.message)}">${xml(`${f.severity}: ${f.file}:${f.line}:${f.column}: ${f.message}`)}</failure>\n    </testcase>`;
}

/** XML text/attribute escaping; characters XML 1.0 forbids are dropped. */
export function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

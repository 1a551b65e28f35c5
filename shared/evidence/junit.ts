// JUnit XML test results (Surefire, pytest, vitest, Jest, Go's gotestsum, …): just the test cases,
// their file or class and their outcome. A tolerant tag scanner, not a full XML parser: results
// files are machine-written, and anything that is not JUnit is refused with a reason.

export interface JunitCase {
  name: string;
  classname: string | null;
  file: string | null;
  outcome: 'passed' | 'failed' | 'skipped';
}

export type JunitParse = { ok: true; cases: JunitCase[] } | { ok: false; reason: string };

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseJunit(xml: string): JunitParse {
  const body = xml.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const first = /<([A-Za-z_][\w.:-]*)/.exec(body.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/i, ''));
  if (!first) return { ok: false, reason: 'no XML element found' };
  if (first[1] !== 'testsuites' && first[1] !== 'testsuite') return { ok: false, reason: `the root element is <${first[1]}>, not <testsuites> or <testsuite>` };
  const cases: JunitCase[] = [];
  const suiteFiles: Array<string | null> = [];
  let open: JunitCase | null = null;
  for (const m of body.matchAll(TAG)) {
    const [, closing, name, attrText, selfClosing] = m;
    if (name === 'testsuite') {
      if (closing) suiteFiles.pop();
      else if (!selfClosing) suiteFiles.push(attrs(attrText!).file ?? null);
      continue;
    }
    if (name === 'testcase') {
      if (closing) {
        open = null;
        continue;
      }
      const a = attrs(attrText!);
      const c: JunitCase = { name: a.name ?? '', classname: a.classname ?? null, file: a.file ?? a.filepath ?? suiteFiles.at(-1) ?? null, outcome: 'passed' };
      cases.push(c);
      open = selfClosing ? null : c;
      continue;
    }
    if (!open || closing) continue;
    if (name === 'failure' || name === 'error') open.outcome = 'failed';
    else if (name === 'skipped' && open.outcome !== 'failed') open.outcome = 'skipped';
  }
  return { ok: true, cases };
}

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return out;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * The cases a citation's test matches: same file (by `file`, or a classname that spells the
 * path), and the same name when the citation has one. A case name may carry its describe
 * blocks (`suite > name`, `suite name`).
 */
export function matchCases(cases: readonly JunitCase[], testPath: string, testName: string | null): JunitCase[] {
  const stem = testPath.replace(/\.[^./]+$/, '');
  const sameFile = (c: JunitCase) => {
    const f = c.file?.replace(/\\/g, '/');
    if (f) return f === testPath || f.endsWith('/' + testPath) || testPath.endsWith('/' + f);
    const cls = c.classname?.replace(/\\/g, '/');
    if (!cls) return testName !== null; // no location at all: only a named test can match, by its name
    if (cls === testPath || cls.endsWith('/' + testPath) || testPath.endsWith(cls)) return true;
    const dotted = stem.replace(/\//g, '.');
    return dotted === cls || dotted.endsWith('.' + cls) || cls.endsWith('.' + dotted) || cls.startsWith(dotted + '.') || cls.endsWith(stem.split('/').at(-1)!);
  };
  const sameName = (c: JunitCase) => testName === null || c.name === testName || c.name.endsWith(' ' + testName) || c.name.endsWith('>' + testName) || c.name.endsWith('> ' + testName) || c.name.startsWith(testName + ' ') || c.name.startsWith(testName + '[');
  return cases.filter((c) => sameFile(c) && sameName(c));
}

/** failed beats skipped beats passed; nothing matched is `not-run`. */
export function outcomeOf(matched: readonly JunitCase[]): 'passed' | 'failed' | 'skipped' | 'not-run' {
  if (matched.length === 0) return 'not-run';
  if (matched.some((c) => c.outcome === 'failed')) return 'failed';
  if (matched.every((c) => c.outcome === 'skipped')) return 'skipped';
  return 'passed';
}

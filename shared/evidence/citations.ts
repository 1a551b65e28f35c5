// What a test file cites: requirement IDs (`// Validates: Requirements 1.2`, `FR-001`), Kiro
// property-test tags (`Property 3: …`), the feature (spec) it belongs to (`Feature: user-auth`),
// and, next to each citation, the test's name when one is written there.

export interface Citation {
  kind: 'requirement' | 'property';
  /** Requirement ID or property number. */
  id: string;
  line: number;
  /** The nearest test declared next to it (`it('…')`, `test("…")`, `def test_x`, `func TestX`). */
  testName: string | null;
}

export interface FileCitations {
  /** Feature names the file declares (`Feature: user-auth`, `@spec user-auth/…`). */
  features: string[];
  citations: Citation[];
}

const REQUIREMENTS = /\b(?:Validates|Requirements?|Reqs?)\b\s*:?\s*(?:Requirements?\s*:?\s*)?((?:[A-Z]{1,5}-)?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:\s*(?:,|and|&)\s*(?:[A-Z]{1,5}-)?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)*)/g;
const SPECKIT_ID = /\b((?:FR|SC|NFR)-\d{2,4}[a-z]?)\b/g;
const PROPERTY = /\bProperty\s+(\d{1,4})\b\s*:/g;
const FEATURE = /\bFeature\s*:\s*([A-Za-z0-9][\w.-]*)/g;
const SPEC_TAG_FEATURE = /@spec\s+(?:[^\s/]+\/)*([^\s/]+)\/[^\s/]+/g;
const TEST_DECL = /\b(?:it|test|describe|context|specify)(?:\.(?:each|only|skip|concurrent)\([^)]*\))?\s*\(\s*(['"`])((?:(?!\1).){1,300})\1|\bdef\s+(test\w*)|\bfunc\s+(Test\w+)|@Test[\s\S]{0,80}?\bvoid\s+(\w+)/;

/** Cheap pre-check: skip files that cite nothing. */
export function mayCite(text: string): boolean {
  return /Requirement|Validates|Property\s+\d|Feature\s*:|@spec|\b(?:FR|SC|NFR)-\d/.test(text);
}

export function scanCitations(lines: readonly string[]): FileCitations {
  const features = new Set<string>();
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const add = (kind: Citation['kind'], id: string, index: number) => {
    const key = `${kind}\0${id}\0${index}`;
    if (seen.has(key)) return;
    seen.add(key);
    citations.push({ kind, id, line: index + 1, testName: testNameNear(lines, index) });
  };
  lines.forEach((line, index) => {
    if (line.length > 10_000) return; // minified or generated: not a place for citations
    for (const m of line.matchAll(FEATURE)) features.add(m[1]!.replace(/[.,;:]+$/, ''));
    for (const m of line.matchAll(SPEC_TAG_FEATURE)) features.add(m[1]!);
    for (const m of line.matchAll(REQUIREMENTS)) {
      for (const id of m[1]!.split(/\s*(?:,|and|&)\s*/)) if (id) add('requirement', id, index);
    }
    for (const m of line.matchAll(SPECKIT_ID)) add('requirement', m[1]!, index);
    for (const m of line.matchAll(PROPERTY)) add('property', m[1]!, index);
  });
  return { features: [...features], citations };
}

/** The test declared on the citation's line or just below it (comments precede tests), else just above. */
function testNameNear(lines: readonly string[], index: number): string | null {
  for (let i = index; i < Math.min(lines.length, index + 12); i++) {
    const name = declaredTest(lines[i]!);
    if (name) return name;
  }
  for (let i = index - 1; i >= Math.max(0, index - 12); i--) {
    const name = declaredTest(lines[i]!);
    if (name) return name;
  }
  return null;
}

function declaredTest(line: string): string | null {
  const m = TEST_DECL.exec(line);
  return m ? (m[2] ?? m[3] ?? m[4] ?? m[5] ?? null) : null;
}

/** Paths that hold tests, by the usual conventions of JS/TS, Python, Go, Rust, Java and Ruby. */
export function isTestPath(rel: string): boolean {
  return /(^|\/)(tests?|__tests__|spec|specs?\/unit|test_?suite)\//i.test(rel) || /[._-](test|spec)s?\.[A-Za-z0-9]+$/i.test(rel) || /(^|\/)test_[^/]+\.py$/.test(rel) || /Tests?\.(java|kt|cs|swift)$/.test(rel);
}

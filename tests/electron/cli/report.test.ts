// `specdeck report` on a real git repository: JSON valid against docs/schemas/report.schema.json,
// the HTML file written, JUnit results as evidence (passed → verified, failed → flagged), and bad
// results files (not JUnit, 200 MB, missing) refused with a reason while the rest is used.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../support/cli-in-process';
import type { EvidenceReport } from '../../../shared/evidence/report-model';
import { repoRoot } from '../../support/temp-workspace';
import { useEvidenceRepo, SPEC } from '../core/evidence/evidence-fixture';

const repo = useEvidenceRepo();

const cli = cliInProcess;

const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs/schemas/report.schema.json'), 'utf8')));

const junit = (outcome: 'pass' | 'fail') => `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="vitest tests" tests="2" failures="${outcome === 'fail' ? 1 : 0}">
  <testsuite name="tests/farewell.test.ts" tests="2">
    <testcase classname="tests/farewell.test.ts" name="prints bye" time="0.01">${outcome === 'fail' ? '<failure message="expected bye">AssertionError</failure>' : ''}</testcase>
    <testcase classname="tests/other.test.ts" name="unrelated"/>
  </testsuite>
</testsuites>
`;

const req = (r: EvidenceReport, id: string) => r.specs.find((s) => s.specId === SPEC)!.requirements.find((x) => x.id === id)!;

describe('specdeck report', () => {
  it('--json follows the schema; --html writes one self-contained file; nothing is verified without results', async () => {
    const html = path.join(repo.data.path, 'report.html');
    const { code, stdout: out } = await cli('report', repo.root, '--html', html, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as EvidenceReport;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.revision?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(report.junit).toBeNull();
    expect(req(report, '2.1')).toMatchObject({ verdict: 'not-run', tests: [{ name: 'prints bye', outcome: null }] });
    const spec = report.specs.find((s) => s.specId === SPEC)!;
    expect(spec.progress).toEqual({ total: 6, done: 5, inProgress: 0 });
    expect(spec.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['done-without-evidence', 'done-names-missing-file']));
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(report.revision!.commit!);
    expect(page).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\';');
    expect((await cli('report', repo.root)).code).toBe(2);
  });

  it('--junit: a passing citing test marks the requirement verified, a failing one flags it', async () => {
    const pass = path.join(repo.data.path, 'pass.xml');
    writeFileSync(pass, junit('pass'));
    const passed = JSON.parse((await cli('report', repo.root, '--spec', 'demo', '--json', '--junit', pass)).stdout) as EvidenceReport;
    expect(passed.junit).toEqual([{ path: pass, cases: 2, error: null }]);
    expect(req(passed, '2.1')).toMatchObject({ verdict: 'verified', tests: [{ outcome: 'passed' }] });
    expect(req(passed, '1.1').verdict).toBe('untested'); // no citing test: never verified

    const fail = path.join(repo.data.path, 'fail.xml');
    writeFileSync(fail, junit('fail'));
    const failed = JSON.parse((await cli('report', repo.root, '--json', '--junit', fail)).stdout) as EvidenceReport;
    expect(req(failed, '2.1')).toMatchObject({ verdict: 'failed', tests: [{ outcome: 'failed' }] });
    expect(failed.specs[0]!.diagnostics).toContainEqual(expect.objectContaining({ code: 'requirement-tests-failed', pos: { file: 'tests/farewell.test.ts', line: 3, column: 1 } }));
    // Results that do not contain the citing test: not run, not verified.
    const other = path.join(repo.data.path, 'other.xml');
    writeFileSync(other, '<testsuite name="x"><testcase classname="tests/other.test.ts" name="unrelated"/></testsuite>');
    expect(req(JSON.parse((await cli('report', repo.root, '--json', '--junit', other)).stdout), '2.1').verdict).toBe('not-run');
  });

  it('bad results files: not JUnit, 200 MB, missing — each refused with a reason, the good one still used', async () => {
    const html = path.join(repo.data.path, 'not-junit.xml');
    writeFileSync(html, '<html><body>hello</body></html>');
    const huge = path.join(repo.data.path, 'huge.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024); // sparse: 200 MB by size, no disk used
    const good = path.join(repo.data.path, 'pass.xml');
    writeFileSync(good, junit('pass'));
    const { code, stdout: out, stderr: err } = await cli('report', repo.root, '--json', '--junit', html, '--junit', huge, '--junit', path.join(repo.data.path, 'missing.xml'), '--junit', good);
    expect(code).toBe(0);
    const report = JSON.parse(out) as EvidenceReport;
    expect(report.junit).toEqual([
      { path: html, cases: 0, error: 'not JUnit XML: the root element is <html>, not <testsuites> or <testsuite>' },
      { path: huge, cases: 0, error: '200 MB is over the 64 MB limit for a results file' },
      { path: path.join(repo.data.path, 'missing.xml'), cases: 0, error: 'unreadable: ENOENT' },
      { path: good, cases: 2, error: null },
    ]);
    expect(req(report, '2.1').verdict).toBe('verified');
    expect(err).toContain('huge.xml not used: 200 MB is over the 64 MB limit');
    // Only unusable files: results count as not given, so nothing is verified.
    const none = JSON.parse((await cli('report', repo.root, '--json', '--junit', html)).stdout) as EvidenceReport;
    expect(req(none, '2.1').verdict).toBe('not-run');
    expect(none.notes).toContain('no results file could be used: no requirement is marked verified');
  });
});

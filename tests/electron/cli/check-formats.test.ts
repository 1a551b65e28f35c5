// `specdeck check --format json|sarif|junit` on a real git repository: the SARIF output validates
// against the SARIF 2.1.0 schema (shipped as test data), its URIs are relative to the repository
// root even when a subfolder is checked, and JSON follows docs/schemas/check.schema.json.
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, renameSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../support/cli-in-process';
import { SPECDECK_VERSION } from '../../../electron/cli/version';
import { parseJunit } from '../../../shared/evidence/junit';
import { repoRoot } from '../../support/temp-workspace';
import { commitAll, useEvidenceRepo, SPEC } from '../core/evidence/evidence-fixture';
import { git } from '../core/trace/trace-fixture';

const repo = useEvidenceRepo();

const cli = cliInProcess;

const sarifSchema = JSON.parse(readFileSync(path.join(repoRoot, 'tests/support/schemas/sarif-schema-2.1.0.json'), 'utf8'));
// The schema's language-tag pattern is not valid in Unicode mode; it is valid as a plain RegExp.
const sarifAjv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(sarifAjv); // uri, uri-reference and date-time are checked, not ignored
const validateSarif = sarifAjv.compile(sarifSchema);

function validateWith(schemaFile: string) {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/schemas', schemaFile), 'utf8'));
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

it('the tool version reports name is package.json\'s', () => {
  expect(SPECDECK_VERSION).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
});

describe('check --format', () => {
  it('sarif: valid SARIF 2.1.0 with rule metadata and locations', async () => {
    const { code, stdout: out } = await cli('check', repo.root, '--format', 'sarif');
    expect(code).toBe(0);
    const sarif = JSON.parse(out);
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator does reject: a run without its tool is not SARIF.
    expect(validateSarif({ ...sarif, runs: [{ results: [] }] })).toBe(false);
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'specdeck', version: SPECDECK_VERSION });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['done-names-missing-file', 'done-without-evidence']));
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'done-names-missing-file');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('done-names-missing-file');
    expect(result).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: `${SPEC}/tasks.md`, uriBaseId: 'SRCROOT' }, region: { startLine: 5, startColumn: 1 } } }] });
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(`file://${repo.root}/`);
  });

  it('sarif: checking a subfolder of a git repository gives URIs from the repository root', async () => {
    mkdirSync(path.join(repo.root, 'packages'));
    git(repo.root, 'mv', '.kiro', 'src', 'tests', 'packages/');
    mkdirSync(path.join(repo.root, 'packages/my app'));
    for (const f of ['.kiro', 'src', 'tests']) renameSync(path.join(repo.root, 'packages', f), path.join(repo.root, 'packages/my app', f));
    commitAll(repo.root, 'move into a subfolder');
    const { stdout: out } = await cli('check', path.join(repo.root, 'packages/my app'), '--format', 'sarif');
    const sarif = JSON.parse(out);
    expect(validateSarif(sarif)).toBe(true);
    const uris = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^packages\/my%20app\/\.kiro\/specs\/demo\//);
    expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`file://${repo.root}/`);
  });

  it('json: a versioned object valid against docs/schemas/check.schema.json; --json is the same', async () => {
    const a = await cli('check', repo.root, '--format', 'json');
    const b = await cli('check', repo.root, '--json');
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    const validate = validateWith('check.schema.json');
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.version).toBe(1);
    expect(json.findings.filter((f: { code: string }) => f.code.startsWith('done-'))).toHaveLength(3);
    expect((await cli('check', repo.root, '--json', '--format', 'sarif')).code).toBe(2);
    expect((await cli('check', repo.root, '--format', 'xml')).stderr).toMatch(/--format must be text, github, json, sarif, junit/);
  });

  it('junit: one suite per spec, warnings as failures, parseable as JUnit', async () => {
    const { stdout: out } = await cli('check', repo.root, '--format', 'junit', '--min-severity', 'warning');
    const parsed = parseJunit(out);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.cases.filter((c) => c.outcome === 'failed').map((c) => c.name)).toEqual([
      `done-names-missing-file ${SPEC}/tasks.md:5`,
      `done-without-evidence ${SPEC}/tasks.md:5`,
      `done-without-evidence ${SPEC}/tasks.md:7`,
    ]);
    expect(out).toMatch(/<testsuite name="\.kiro\/specs\/demo" tests="3" failures="3"/);
  });
});

// `specdeck check` on RobertTeunissen/ArmouredSouls (issue 10): its finished specs give no false
// errors; the two errors left are real (a `### R10` heading and an `**R16.8**` criterion written
// twice). Built command, real process, on a copy of the corpus folder.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpecdeck } from '../../support/cli-process';
import { corpusDir } from '../../support/corpus-dir';
import { tempDir, type TempDir } from '../../support/temp-workspace';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
  cpSync(path.join(corpusDir, 'kiro/RobertTeunissen__ArmouredSouls'), path.join(dir.path, 'repo'), { recursive: true });
});
afterAll(() => dir.remove());

describe('specdeck check on ArmouredSouls', () => {
  it('reports only the two real errors, both duplicates written in the files', () => {
    const { code, stdout } = runSpecdeck(['check', path.join(dir.path, 'repo'), '--json', '--min-severity', 'error'], { SPECDECK_DATA_DIR: path.join(dir.path, 'data') });
    const json = JSON.parse(stdout) as { findings: { code: string; file: string; line: number; message: string }[] };
    expect(json.findings.map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([
      '.kiro/specs/done-may26/35-booking-office-facility/requirements.md:366 duplicate-requirement-id',
      '.kiro/specs/done-may26/37-team-battles-2v2-3v3/requirements.md:565 duplicate-requirement-id',
    ]);
    expect(json.findings[0]!.message).toBe('Requirement ID R10 is used again (first at .kiro/specs/done-may26/35-booking-office-facility/requirements.md:358)');
    // Real errors fail a CI gate; nothing else does.
    expect(code).toBe(1);
  });
});

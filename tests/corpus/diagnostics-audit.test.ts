// Diagnostics worth trusting (issue 10, item 2), held against an audit made by reading each sampled
// finding against its file (tests/support/audit/README.md says how it was drawn and read).
// - diagnostics-audit-before.json: findings of the engine before issue 10, with verdicts. Its
//   misreadings must stay gone.
// - diagnostics-audit.json: findings of this engine, sampled per code and read. Its true findings
//   must stay, and each code must be >= 95 % precise over its audited findings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusRepos, parseRepo, requireCorpus } from './corpus-support';
import { repoRoot } from '../support/temp-workspace';

interface Audited {
  repo: string;
  file: string;
  line: number;
  code: string;
  verdict: boolean;
  why: string;
}

const load = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'tests/support/audit', name), 'utf8')) as Audited[];
const key = (f: { repo: string; file: string; line: number; code: string }) => `${f.repo}|${f.file}|${f.line}|${f.code}`;

// Findings the OpenSpec CLI or the task reader's structure decide, audited in full or by a fixed
// sample; the minimum sample per code is the smaller of this and the code's count.
const MIN_SAMPLE = 20;
const MIN_PRECISION = 0.95;

const found = new Map<string, number>();
const byCode = new Map<string, number>();
const errorsByRepo = new Map<string, string[]>();
beforeAll(() => {
  requireCorpus();
  for (const repo of corpusRepos()) {
    const name = `${repo.format}/${repo.name}`;
    for (const spec of parseRepo(repo.root)) {
      for (const d of spec.diagnostics) {
        const k = key({ repo: name, file: d.pos.file, line: d.pos.line, code: d.code });
        found.set(k, (found.get(k) ?? 0) + 1);
        byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
        if (d.severity === 'error') errorsByRepo.set(name, [...(errorsByRepo.get(name) ?? []), `${d.pos.file}:${d.pos.line} ${d.code}`]);
      }
    }
  }
}, 120_000);

describe('audited diagnostics on the shared corpus', () => {
  const audit = load('diagnostics-audit.json');
  const before = load('diagnostics-audit-before.json');

  it('the audit lists are well formed (every entry has a verdict and a reason)', () => {
    for (const e of [...audit, ...before]) {
      expect(typeof e.verdict, key(e)).toBe('boolean');
      expect(e.why.length, key(e)).toBeGreaterThan(5);
    }
    expect(new Set(audit.map(key)).size).toBe(audit.length);
  });

  it('keeps every finding the audit read as true', () => {
    const missing = audit.filter((e) => e.verdict && !found.has(key(e))).map(key);
    expect(missing).toEqual([]);
  });

  it('no longer reports the misreadings audited before issue 10', () => {
    const misread = before.filter((e) => !e.verdict);
    expect(misread.length).toBeGreaterThan(50);
    expect(misread.filter((e) => found.has(key(e))).map((e) => `${key(e)} (${e.why})`)).toEqual([]);
  });

  it('audits every code the corpus produces, with a sample of at least min(20, count) current findings', () => {
    const audited = new Map<string, number>();
    for (const e of audit) if (found.has(key(e))) audited.set(e.code, (audited.get(e.code) ?? 0) + 1);
    const short = [...byCode].filter(([code, n]) => (audited.get(code) ?? 0) < Math.min(MIN_SAMPLE, n)).map(([code, n]) => `${code}: ${audited.get(code) ?? 0} audited of ${n}`);
    expect(short).toEqual([]);
  });

  it('each code is at least 95 % precise over its audited findings', () => {
    const per = new Map<string, { t: number; n: number }>();
    for (const e of audit) {
      if (!found.has(key(e))) continue;
      const p = per.get(e.code) ?? { t: 0, n: 0 };
      p.n++;
      if (e.verdict) p.t++;
      per.set(e.code, p);
    }
    const low = [...per].filter(([, p]) => p.t / p.n < MIN_PRECISION).map(([code, p]) => `${code}: ${p.t}/${p.n}`);
    expect(low).toEqual([]);
  });

  it("ArmouredSouls' finished specs: the only errors left are the two real duplicates", () => {
    expect(errorsByRepo.get('kiro/RobertTeunissen__ArmouredSouls')).toEqual([
      '.kiro/specs/done-may26/35-booking-office-facility/requirements.md:366 duplicate-requirement-id',
      '.kiro/specs/done-may26/37-team-battles-2v2-3v3/requirements.md:565 duplicate-requirement-id',
    ]);
  });
});

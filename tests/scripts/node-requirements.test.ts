// Finding 12 of issue 12: the README's Node requirements must be true for every command it names.
// It said Node ≥ 20.19 while `npm ci` warned (EBADENGINE) that electron-builder's @electron/rebuild
// and node-abi want ≥ 22.12. This reads the minimums the README states and checks every package
// in package-lock.json against them: anything the general minimum does not satisfy must belong to
// the Electron build tooling, and the Electron minimum must satisfy everything.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-workspace';

const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
};
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };

/** Lock entries whose `engines.node` does not accept `version`. */
function refusing(version: string): string[] {
  return Object.entries(lock.packages)
    .filter(([name, entry]) => name !== '' && !Array.isArray(entry.engines) && entry.engines?.node && !semver.satisfies(version, entry.engines.node))
    .map(([name]) => name);
}

const requirements = readme.slice(readme.indexOf('## Requirements'), readme.indexOf('## The two commands'));
const general = /Node\.js ≥ (\d+\.\d+)/.exec(requirements)?.[1];
const electron = /Node\.js ≥ (\d+\.\d+) for the Electron commands/.exec(requirements)?.[1];

describe('README Node requirements', () => {
  it('states a general minimum equal to package.json engines, and an Electron one', () => {
    expect(general).toBeDefined();
    expect(electron).toBeDefined();
    expect(pkg.engines.node).toBe(`>=${general}`);
  });

  it('every package accepts the general minimum, except the Electron build tooling the README names', () => {
    const offenders = refusing(`${general}.0`);
    for (const name of offenders) {
      expect(name, `${name} needs a newer Node than the README's ${general}`).toMatch(/^node_modules\/@electron\/rebuild(\/|$)/);
      const short = name.split('node_modules/').pop()!;
      expect(requirements).toContain(short);
    }
  });

  it('every package accepts the Electron minimum, and Node 24', () => {
    expect(refusing(`${electron}.0`)).toEqual([]);
    expect(requirements).toContain('24 and later');
    expect(refusing('24.0.0')).toEqual([]);
  });

  it('declares semver, which this test uses', () => {
    expect(pkg.devDependencies.semver).toBeDefined();
  });
});

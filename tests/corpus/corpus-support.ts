// Reading the shared spec corpus (../shared/corpus beside the clone) the way the core would.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectSpecs, parseSpec } from '../../shared/specs/index';
import type { Spec } from '../../shared/specs/model';
import { corpusDir } from '../support/corpus-dir';

export { corpusDir };

export function requireCorpus(): void {
  if (!existsSync(path.join(corpusDir, 'truth.json'))) {
    throw new Error(`The spec corpus is missing: expected ${corpusDir}/truth.json (CI puts shared/ beside the clone)`);
  }
}

export interface CorpusRepo {
  format: 'kiro' | 'speckit' | 'openspec';
  name: string;
  root: string;
}

export function corpusRepos(): CorpusRepo[] {
  const out: CorpusRepo[] = [];
  for (const format of ['kiro', 'speckit', 'openspec'] as const) {
    for (const name of readdirSync(path.join(corpusDir, format)).sort()) out.push({ format, name, root: path.join(corpusDir, format, name) });
  }
  return out;
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const d of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) pending.push(child);
      else if (d.isFile()) out.push(child);
    }
  }
  return out.sort();
}

const strict = new TextDecoder('utf-8', { fatal: false });
export function readIn(root: string) {
  return (rel: string): string | null => {
    try {
      return strict.decode(readFileSync(path.join(root, rel)));
    } catch {
      return null;
    }
  };
}

export function parseRepo(root: string): Spec[] {
  const read = readIn(root);
  return detectSpecs(listFiles(root)).map((loc) => parseSpec(loc, read));
}

export interface TruthFile {
  path: string;
  checkboxes: number;
  x: number;
  space: number;
  dash: number;
  other: number;
  in_fence_ignored: number;
}

export function truth(): { tasks_md: TruthFile[]; totals: Record<string, { checkboxes: number; x: number; space: number; dash: number; other: number }> } {
  return JSON.parse(readFileSync(path.join(corpusDir, 'truth.json'), 'utf8'));
}

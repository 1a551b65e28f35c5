// The OpenSpec YAML reader on every real `.openspec.yaml` and `openspec/config.yaml` of the corpus.
// Audit (this corpus, read against each file): 76 change metas and 3 root configs, all within the
// subset the reader knows; no `openspec-meta-invalid` or `openspec-config-unread` finding is real,
// and none fires. No config names a store or a reference (two carry `context: |` and `rules:`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChangeMeta, parseOpenSpecConfig } from '../../shared/specs/parsers/openspec-yaml';
import { corpusRepos, listFiles, requireCorpus } from './corpus-support';

const metas: { file: string; text: string }[] = [];
const configs: { file: string; text: string }[] = [];

beforeAll(() => {
  requireCorpus();
  for (const r of corpusRepos()) {
    for (const rel of listFiles(r.root)) {
      const file = path.join(r.root, rel);
      if (rel.endsWith('/.openspec.yaml')) metas.push({ file, text: readFileSync(file, 'utf8') });
      else if (rel === 'openspec/config.yaml' || rel.endsWith('/openspec/config.yaml')) configs.push({ file, text: readFileSync(file, 'utf8') });
    }
  }
});

describe('OpenSpec YAML files of the corpus (audited)', () => {
  it('every change meta reads with no finding, and names its schema', () => {
    expect(metas.length).toBe(76);
    for (const m of metas) {
      const { meta, diagnostics } = parseChangeMeta(m.text, m.file);
      expect(diagnostics, m.file).toEqual([]);
      expect(meta.schema, m.file).toBe(/^schema:[ \t]*(\S+)/m.exec(m.text)![1]);
    }
  });

  it('every root config reads with no finding and names no store or reference', () => {
    expect(configs.length).toBe(3);
    for (const c of configs) {
      const { config, diagnostics } = parseOpenSpecConfig(c.text, c.file);
      expect(diagnostics, c.file).toEqual([]);
      expect(c.text, c.file).not.toMatch(/^(store|references):/m);
      expect(config, c.file).toEqual({ path: c.file, store: null, references: [] });
    }
  });
});

// The scan honours .gitignore at every level, .git/info/exclude and the (configurable) default excludes.
import { describe, expect, it } from 'vitest';
import { makeTree, useIndexSandbox } from '../index/helpers';

describe('index: what is indexed', () => {
  const sandbox = useIndexSandbox();

  it('honours nested .gitignore files, .git/info/exclude and the default excludes', async () => {
    const root = makeTree({
      '.gitignore': '*.log\n/build/\n',
      '.git/info/exclude': 'secret.txt\n',
      '.git/config': '[core]\n',
      'app.log': 'x',
      'build/out.js': 'x',
      'src/build/kept.js': 'x',
      'src/.gitignore': 'generated/\n!keep.log\n',
      'src/keep.log': 'x',
      'src/generated/g.ts': 'x',
      'src/main.ts': 'x',
      'secret.txt': 'x',
      'node_modules/dep/index.js': 'x',
      'src/node_modules/dep/index.js': 'x',
      '.hidden/visible.txt': 'x',
    });
    const index = sandbox.open(root);
    await index.whenIdle();
    expect(await index.listFiles()).toEqual(['.gitignore', '.hidden/visible.txt', 'src/.gitignore', 'src/build/kept.js', 'src/keep.log', 'src/main.ts']);
  });

  it('takes a custom exclude list', async () => {
    const root = makeTree({ 'vendor/a.js': 'x', 'node_modules/b.js': 'x', 'src/c.js': 'x' });
    const index = sandbox.open(root, { excludes: ['vendor'] });
    await index.whenIdle();
    expect(await index.listFiles()).toEqual(['node_modules/b.js', 'src/c.js']);
  });
});

// `specdeck trailer <dir> [--install-hook]`: prints the `Spec-Task:` trailer of the active task
// (for a commit message or the prepare-commit-msg hook); exit 1 when no task is active.
import { defineCommand } from '../command';
import { withSession } from '../open-folder';

export const trailerCommand = defineCommand({
  name: 'trailer',
  summary: "Print the active task's Spec-Task commit trailer; --install-hook adds a prepare-commit-msg hook",
  usage: 'specdeck trailer <folder> [--install-hook]',
  options: { 'install-hook': { type: 'boolean' } },
  positionals: ['folder'],
  async run({ values, positionals, io }) {
    if (values['install-hook']) {
      // The hook runs this same command line (node + this script), so it works without `specdeck` on PATH.
      const self = process.argv[1] ? `${shellQuote(process.execPath)} ${shellQuote(process.argv[1])}` : 'specdeck';
      const result = await withSession(positionals[0], (s) => s.trace.installHook(self));
      (result.installed ? io.out : io.err)(result.message);
      return result.installed ? 0 : 1;
    }
    const trailer = await withSession(positionals[0], async (s) => (await s.traceIfPresent()?.trailer()) ?? null); // never creates a store
    if (trailer === null) {
      io.err('no active task');
      return 1;
    }
    io.out(trailer);
    return 0;
  },
});

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// `specdeck links <dir> <file> [--json]`: the tasks whose links point into a file.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { defineCommand } from '../command';
import { withSession } from '../open-folder';
import { formatLink } from './trace';

export const linksCommand = defineCommand({
  name: 'links',
  summary: 'List the tasks that touched a file, with the linked line ranges and their state',
  usage: 'specdeck links <folder> <file> [--json]   (file relative to the folder, or a path inside it)',
  options: { json: { type: 'boolean' } },
  positionals: ['folder', 'file'],
  async run({ values, positionals, io }) {
    const links = await withSession(positionals[0], async (s) => {
      const file = positionals[1]!;
      // A path that names a file inside the folder from here (or absolutely) is made workspace-relative.
      // realpath: the workspace root is a real path, so compare like with like (/tmp → /private/tmp).
      const fromHere = realpathOrSelf(path.resolve(file));
      const rel = path.isAbsolute(file) || fromHere.startsWith(s.workspace.root + path.sep) ? path.relative(s.workspace.root, fromHere) : file;
      const workspacePath = rel.split(path.sep).join('/');
      await s.workspace.resolve(workspacePath);
      return s.trace.fileLinks(workspacePath);
    });
    if (values.json) {
      io.out(JSON.stringify(links, null, 2));
      return 0;
    }
    const byTask = new Map<string, typeof links>();
    for (const link of links) byTask.set(link.taskKey, [...(byTask.get(link.taskKey) ?? []), link]);
    for (const [key, group] of byTask) {
      io.out(`${key}  ${group[0]!.taskTitle ?? '(task gone)'}`);
      for (const link of group) io.out(`  ${formatLink(link)}`);
    }
    if (links.length === 0) io.err('no links');
    return 0;
  },
});


function realpathOrSelf(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute; // not there (yet): resolve() in the workspace says what is wrong with it
  }
}

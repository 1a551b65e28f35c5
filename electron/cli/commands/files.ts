// `specdeck files <dir> <fuzzy>`: the folder's paths ranked by quick-open's fuzzy match.
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command';
import { displayPath, withFreshIndex } from './index-shared';

export const filesCommand: Command = {
  name: 'files',
  summary: "List a folder's files best-first for a fuzzy query, as quick-open ranks them",
  usage: 'specdeck files <folder> <fuzzy> [--limit N] [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { limit: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
    if (positionals.length !== 2) throw new UsageError('files takes a folder and a query');
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be 1-1000, got ${values.limit}`);
    const hits = await withFreshIndex(positionals[0]!, io, (index) => index.searchFiles(positionals[1]!, limit));
    if (values.json) io.out(JSON.stringify(hits, null, 2));
    else for (const h of hits) io.out(displayPath(h.path));
    return hits.length > 0 ? 0 : 1;
  },
};

// `specdeck files <dir> <fuzzy>`: the folder's paths ranked by quick-open's fuzzy match.
import { defineCommand, integerOption } from '../command';
import { displayPath } from '../display-path';
import { withIndexQueries } from '../open-folder';

export const filesCommand = defineCommand({
  name: 'files',
  summary: "List a folder's files best-first for a fuzzy query, as quick-open ranks them",
  usage: 'specdeck files <folder> <fuzzy> [--limit N] [--json]',
  options: { limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: ['folder', 'query'],
  async run({ values, positionals, io }) {
    const limit = integerOption('limit', values.limit, { min: 1, max: 1000, fallback: 50 });
    const hits = await withIndexQueries(positionals[0]!, io, (index) => index.searchFiles(positionals[1]!, limit), 'paths');
    if (values.json) io.out(JSON.stringify(hits, null, 2));
    else for (const h of hits) io.out(displayPath(h.path));
    return hits.length > 0 ? 0 : 1;
  },
});

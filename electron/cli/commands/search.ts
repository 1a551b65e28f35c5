// `specdeck search <dir> <query>`: refreshes the folder's index, then searches its text.
import { defineCommand, integerOption, UsageError } from '../command';
import { displayPath } from '../display-path';
import { withIndexQueries } from '../open-folder';

export const searchCommand = defineCommand({
  name: 'search',
  summary: "Search a folder's text through its index (literal by default; exit 1 when nothing matches)",
  usage:
    'specdeck search <folder> <query> [--regex] [--case-sensitive] [--word] [--include GLOB]… [--exclude GLOB]… [--limit N] [--json]',
  options: {
    regex: { type: 'boolean' },
    'case-sensitive': { type: 'boolean' },
    word: { type: 'boolean' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: ['folder', 'query'],
  async run({ values, positionals, io }) {
    const [dir, query] = positionals as [string, string];
    if (query === '') throw new UsageError('the query must not be empty');
    const limit = integerOption('limit', values.limit, { min: 1, max: 20_000, fallback: 1000 });
    const result = await withIndexQueries(dir, io, (index) =>
      index.searchText({
        query,
        regex: values.regex ?? false,
        caseSensitive: values['case-sensitive'] ?? false,
        wholeWord: values.word ?? false,
        include: values.include ?? [],
        exclude: values.exclude ?? [],
        limit,
      }),
    );
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      for (const h of result.hits) io.out(`${displayPath(h.path)}:${h.line}:${h.column}: ${h.preview}`);
      io.err(
        `${result.hits.length} match(es) in ${result.filesSearched} candidate file(s), ${result.elapsedMs.toFixed(1)} ms` +
          (result.truncated ? ` (stopped at --limit ${limit})` : ''),
      );
    }
    return result.hits.length > 0 ? 0 : 1;
  },
});

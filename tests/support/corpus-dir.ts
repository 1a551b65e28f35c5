// Where the shared spec corpus is: ../shared/corpus beside the clone (as CI lays it out), or
// SPECDECK_CORPUS_DIR.
import path from 'node:path';
import { repoRoot } from './temp-workspace';

export const corpusDir = process.env.SPECDECK_CORPUS_DIR ?? path.resolve(repoRoot, '../shared/corpus');

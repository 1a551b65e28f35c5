// Index progress in the status bar: a bar while the index is built, the file count when ready.
import { plural } from '../../../shared/text/plural';
import { useSearch } from '../stores/search-store';

export function IndexProgressBar() {
  const progress = useSearch((s) => s.progress);
  if (!progress) return null;
  if (progress.phase === 'ready') return <span>{plural(progress.filesSeen, 'file')} indexed</span>;
  const label = progress.phase === 'listing' ? `Listing files… ${progress.filesSeen.toLocaleString()}` : `Indexing ${progress.filesIndexed.toLocaleString()} / ${progress.filesToIndex.toLocaleString()}`;
  return (
    <span className="index-progress">
      {label}
      {progress.phase === 'indexing' && <progress aria-label="Indexing progress" max={Math.max(progress.filesToIndex, 1)} value={progress.filesIndexed} />}
    </span>
  );
}

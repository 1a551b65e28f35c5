// Gutter marks on lines linked to tasks, with a hover naming the tasks and the link state.
import type { TraceLink } from '../../../../shared/api/contract';
import { monaco } from './setup';

function hover(links: TraceLink[]): string {
  return links
    .map((l) => `Task **${l.taskId}** ${l.taskTitle ?? '(task no longer exists)'} — ${l.state}${l.reasons.length > 0 ? ` (${l.reasons.join(', ')})` : ''}`)
    .join('\n\n');
}

/** One decoration per linked range; suspect or orphaned ranges are marked differently. */
export function traceDecorations(links: TraceLink[]): monaco.editor.IModelDeltaDecoration[] {
  return links.map((link) => ({
    range: new monaco.Range(link.startLine, 1, link.endLine, 1),
    options: {
      isWholeLine: true,
      linesDecorationsClassName: link.state === 'linked' ? 'trace-glyph' : 'trace-glyph-suspect',
      linesDecorationsTooltip: `Linked to ${link.taskKey} (${link.state})`,
      hoverMessage: { value: hover([link]) },
      overviewRuler: { color: link.state === 'linked' ? '#4ea1ff' : '#d29922', position: monaco.editor.OverviewRulerLane.Left },
    },
  }));
}

// One row of the task tree. The checkbox's accessible name starts with the task's ID and its title
// as read (markdown markers and label chips removed); aria-checked is mixed while in progress.
// Section headings of the tasks file are group rows (SectionHeader).
import type { KeyboardEvent } from 'react';
import type { TraceLink } from '../../../shared/api/contract';
import type { Task } from '../../../shared/specs/model';
import { openTaskLine, showRequirement, startOrStopTask, toggleTask } from './task-actions';
import type { SectionRow, TaskRow as Row } from './task-tree';
import { chipLabel, taskTitleView, type TitlePiece } from './task-title';
import { useSpecs } from '../stores/specs-store';
import { useTrace } from '../stores/trace-store';
import { TaskLinks } from '../trace/TaskLinks';
import { TaskEvidenceBadge } from '../evidence/TaskEvidenceBadge';

function ariaChecked(task: Task): 'true' | 'false' | 'mixed' {
  if (task.state === 'done') return 'true';
  if (task.state === 'in-progress') return 'mixed';
  return 'false';
}

function accessibleName(task: Task, plain: string, chips: string[]): string {
  const name = task.numbered ? `${task.id} ${plain}` : plain;
  const parts = [name];
  if (chips.length > 0) parts.push(`(${chips.map(chipLabel).join(', ')})`);
  if (task.optional) parts.push('(optional)');
  if (task.state === 'skipped') parts.push('(skipped)');
  if (task.blockedReason) parts.push(`(blocked: ${task.blockedReason})`);
  return parts.join(' ');
}

/** The mark in the box: ✓ done, – in progress, ~ skipped, the character itself when unknown. */
function boxMark(task: Task): string {
  if (task.state === 'done') return '✓';
  if (task.state === 'in-progress') return '–';
  if (task.state === 'skipped') return '~';
  if (task.state === 'unknown') return task.stateChar;
  return '';
}

interface TaskRowProps {
  /** The spec the row belongs to. */
  specId: string;
  row: Row;
  /** Holds the list's one tab stop (roving tabindex). */
  tabStop: boolean;
  collapsed: boolean;
  knownRequirements: ReadonlySet<string>;
  /** The code this task is linked to (traceability). */
  links: TraceLink[];
  onToggleCollapsed(): void;
  onFocus(): void;
  onKey(e: KeyboardEvent<HTMLDivElement>): void;
}

/** One inline piece of a task title (task-title.ts), as React text; the trace view shows titles with it too. */
export function Piece({ piece }: { piece: TitlePiece }) {
  if (piece.kind === 'code') return <code className="task-code">{piece.text}</code>;
  if (piece.kind === 'strong') return <strong>{piece.text}</strong>;
  if (piece.kind === 'em') return <em>{piece.text}</em>;
  // Styled as a link but never followed: a click on the row ticks the task, it must not navigate.
  if (piece.kind === 'link') return <span className="task-link" title={piece.href}>{piece.text}</span>;
  return <>{piece.text}</>;
}

interface SectionHeaderProps {
  row: SectionRow;
  tabStop: boolean;
  collapsed: boolean;
  onToggle(): void;
  onFocus(): void;
  onKey(e: KeyboardEvent<HTMLButtonElement>): void;
}

/** A heading of the tasks file as a group row: click, Space or Enter collapses its tasks. */
export function SectionHeader({ row, tabStop, collapsed, onToggle, onFocus, onKey }: SectionHeaderProps) {
  return (
    <div className="task-section" role="heading" aria-level={3}>
      <button
        type="button"
        data-row-focus=""
        tabIndex={tabStop ? 0 : -1}
        aria-expanded={!collapsed}
        aria-label={`${row.parent ? `${row.parent} › ` : ''}${row.label}, ${row.done} of ${row.total} done`}
        className="task-section-toggle"
        onClick={onToggle}
        onFocus={onFocus}
        onKeyDown={onKey}
      >
        <span className="twisty" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
        <span className="task-section-label" title={row.parent ? `${row.parent} › ${row.label}` : row.label}>
          {row.parent && <span className="task-section-parent">{row.parent} › </span>}
          {row.label}
        </span>
        <span className="count" aria-hidden="true">
          {row.done}/{row.total}
        </span>
      </button>
    </div>
  );
}

export function TaskRow({ specId, row, tabStop, collapsed, knownRequirements, links, onToggleCollapsed, onFocus, onKey }: TaskRowProps) {
  const { task } = row;
  const busy = useSpecs((s) => s.pending[task.id] !== undefined);
  const tabIndex = tabStop ? 0 : -1;
  const isActive = useTrace((s) => s.active !== null && s.active.specId === useSpecs.getState().selectedId && s.active.taskId === task.id);
  const noBox = task.checkbox === false;
  const readOnly = useSpecs((s) => s.selected?.spec.readOnly === true);
  const title = taskTitleView(task);
  return (
    <div
      className={`task state-${task.state}${busy ? ' busy' : ''}${isActive ? ' active-task-row' : ''}${noBox ? ' no-checkbox' : ''}${task.blockedReason ? ' blocked' : ''}`}
      style={{ paddingLeft: 4 + (row.indent ?? task.depth) * 16 }}
    >
      {row.waveHeader && (
        <div className="wave-header" role="heading" aria-level={3}>
          {row.waveHeader.label} <span className="count">{row.waveHeader.count}</span>
        </div>
      )}
      <div className="task-line">
        {row.hasChildren ? (
          <button
            type="button"
            className="twisty"
            tabIndex={tabIndex}
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${task.id}`}
            onClick={onToggleCollapsed}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="twisty" aria-hidden="true" />
        )}
        <div
          role="checkbox"
          aria-checked={ariaChecked(task)}
          aria-busy={busy || undefined}
          aria-disabled={noBox || readOnly || undefined}
          aria-label={accessibleName(task, title.plain, title.chips)}
          data-row-focus=""
          tabIndex={tabIndex}
          className="task-check"
          title={
            noBox
              ? 'Written without a checkbox: its state follows its sub-tasks · Enter: open the line'
              : readOnly
                ? 'A read-only reference: Specdeck does not write it · Enter: open the line'
                : 'Space: done/not done · S: in progress · Enter: open the line'
          }
          onClick={() => toggleTask(task)}
          onFocus={onFocus}
          onKeyDown={onKey}
          onDoubleClick={() => openTaskLine(task)}
        >
          <span className="box" aria-hidden="true">
            {boxMark(task)}
          </span>
          <span className="task-text">
            {task.numbered && <span className="task-id">{task.id}</span>}{' '}
            {title.chips.map((c) => (
              <span key={c} className="task-chip" title={chipLabel(c)}>
                {c}
              </span>
            ))}
            <span className="task-title">
              {title.pieces.map((p, i) => (
                <Piece key={i} piece={p} />
              ))}
            </span>
            {task.optional && <span className="optional"> optional</span>}
            {task.blockedReason && <span className="blocked-reason"> blocked: {task.blockedReason}</span>}
            {task.dependsOn && task.dependsOn.length > 0 && (
              <span className="depends-on" title={`Waits for ${task.dependsOn.join(', ')}`}>
                {' '}after {task.dependsOn.length > 4 ? `${task.dependsOn.slice(0, 3).join(', ')} +${task.dependsOn.length - 3}` : task.dependsOn.join(', ')}
              </span>
            )}
          </span>
        </div>
        <button
          type="button"
          className="task-start"
          tabIndex={tabIndex}
          aria-label={isActive ? `Stop working on ${task.id}` : `Start working on ${task.id}`}
          title={isActive ? 'Stop working on this task' : 'Start this task: it becomes the active task, and saves link to it'}
          onClick={() => startOrStopTask(task, isActive)}
        >
          {isActive ? '■' : '▶'}
        </button>
      </div>
      <TaskLinks taskId={task.id} links={links} tabIndex={tabIndex} />
      <TaskEvidenceBadge specId={specId} task={task} />
      {task.refs.length > 0 && (
        <div className="refs">
          {task.refs.map((ref) => {
            const known = knownRequirements.has(ref);
            return (
              <button
                key={ref}
                type="button"
                tabIndex={tabIndex}
                className={known ? 'chip' : 'chip dangling'}
                aria-label={`Requirement ${ref}${known ? '' : ' (not defined in this spec)'}`}
                title={known ? `Show requirement ${ref}` : `${ref} is not defined in this spec`}
                onClick={() => showRequirement(ref)}
              >
                {ref}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}

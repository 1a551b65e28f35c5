// The spec explorer's list: specs grouped by format and folder (groups collapse), in natural
// order, each with its progress; in-progress specs are marked and counted in their group's header,
// done ones can be hidden. A spec's problem count is a button that opens the Problems view on it.
import { useEffect, useMemo, useRef } from 'react';
import type { SpecSummary } from '../../../shared/specs/model';
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { formatLabel } from '../../../shared/specs/formats/registry';
import { plural } from '../../../shared/text/plural';
import { groupSpecs } from './spec-groups';
import { hideDoneSpecs, sortSpecsNaturally, specStatus } from './spec-explorer';


function SpecItem({ spec, selected }: { spec: SpecSummary; selected: boolean }) {
  const openSpec = useSpecs((s) => s.openSpec);
  const { total, done, inProgress } = spec.counts;
  const problems = spec.diagnosticCount;
  const errors = spec.errorCount ?? 0;
  const status = specStatus(spec);
  return (
    <li className={`spec-item status-${status}${problems > 0 ? ' has-problems' : ''}`}>
      <button
        type="button"
        className={selected ? 'spec selected' : 'spec'}
        aria-current={selected ? 'true' : undefined}
        onClick={() => void openSpec(spec.id)}
        title={spec.folder}
      >
        <span className="spec-title">
          {status === 'in-progress' && (
            <span className="spec-status-dot" aria-label="in progress" title="In progress">
              ●{' '}
            </span>
          )}
          {spec.title}
        </span>
        {problems === 0 && (
          <span className="spec-diagnostics none" aria-label="no problems">
            ✓
          </span>
        )}
        <span className="spec-progress" aria-label={`${done} of ${plural(total, 'task')} done, ${inProgress} in progress`}>
          <span className="bar" aria-hidden="true">
            <span className="bar-done" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
            <span className="bar-progress" style={{ width: `${total ? (inProgress / total) * 100 : 0}%` }} />
          </span>
          <span aria-hidden="true">
            {done}/{total}
            {inProgress > 0 ? ` · ${inProgress} in progress` : ''}
          </span>
        </span>
      </button>
      {problems > 0 && (
        <button
          type="button"
          className={errors > 0 ? 'spec-diagnostics has-errors' : 'spec-diagnostics'}
          aria-label={`${plural(problems, 'problem')} in ${spec.title}: show them`}
          title="Show these problems in the Problems view"
          onClick={() => useLayout.getState().showProblems({ text: spec.id })}
        >
          {errors > 0 ? '⊗' : (spec.warningCount ?? 0) > 0 ? '⚠' : 'ℹ'} {problems}
        </button>
      )}
    </li>
  );
}

export function SpecFilter() {
  const { filter, setFilter } = useSpecs();
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = useLayout((s) => (s.focusRequest?.target === 'spec-filter' ? s.focusRequest.nonce : 0));
  useEffect(() => {
    if (focusRequest) input.current?.focus();
  }, [focusRequest]);
  return (
    <input
      ref={input}
      type="search"
      className="spec-filter"
      aria-label="Filter specs"
      placeholder="Filter specs"
      value={filter}
      onChange={(e) => setFilter(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
    />
  );
}

export function HideDoneToggle() {
  const { hideDone, setHideDone } = useSpecs();
  return (
    <button type="button" className="icon-button toggle-button" aria-pressed={hideDone} title="Hide specs whose tasks are all done" onClick={() => setHideDone(!hideDone)}>
      Hide done
    </button>
  );
}

const groupId = (key: string) => `group-${key.replace(/\W+/g, '-')}`;

export function SpecList() {
  const { list, selectedId, filter, setFilter, hideDone, setHideDone, collapsedGroups, toggleGroup } = useSpecs();
  const groups = useMemo(
    () => groupSpecs(hideDoneSpecs(list, hideDone), filter).map((g) => ({ ...g, specs: sortSpecsNaturally(g.specs) })),
    [list, filter, hideDone],
  );
  if (groups.length === 0) {
    return (
      <p className="empty">
        {filter ? `No spec matches “${filter}”.` : 'Every spec is done.'}{' '}
        {filter && (
          <button type="button" className="link-button" onClick={() => setFilter('')}>
            Clear the filter
          </button>
        )}
        {hideDone && (
          <button type="button" className="link-button" onClick={() => setHideDone(false)}>
            Show done specs
          </button>
        )}
      </p>
    );
  }
  return (
    <ul className="spec-list" aria-label="Spec list">
      {groups.map((group) => {
        const collapsed = Boolean(collapsedGroups[group.key]);
        const inProgress = group.specs.filter((s) => specStatus(s) === 'in-progress').length;
        return (
          <li key={group.key} className="spec-group">
            <h3 className="spec-group-title">
              <button
                type="button"
                className="group-toggle"
                aria-expanded={!collapsed}
                // The label truncates in a narrow sidebar; the tooltip says it whole.
                title={`${formatLabel(group.format)} ${group.folder} — ${plural(group.specs.length, 'spec')}${inProgress > 0 ? `, ${inProgress} in progress` : ''}`}
                onClick={() => toggleGroup(group.key)}
              >
                <span className="twisty" aria-hidden="true">
                  {collapsed ? '▸' : '▾'}
                </span>
                <span id={groupId(group.key)} className="spec-group-label">
                  {formatLabel(group.format)} <span className="spec-group-folder">{group.folder}</span>
                </span>
                <span className="spec-group-counts">
                  {' '}
                  {group.specs.length}
                  {inProgress > 0 ? ` · ${inProgress} in progress` : ''}
                </span>
              </button>
            </h3>
            {!collapsed && (
              <ul aria-labelledby={groupId(group.key)}>
                {group.specs.map((spec) => (
                  <SpecItem key={spec.id} spec={spec} selected={spec.id === selectedId} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

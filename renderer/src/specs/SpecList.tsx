// The specs of the workspace grouped by format and folder, each with its progress and diagnostics.
import { useEffect, useMemo, useRef } from 'react';
import type { SpecSummary } from '../../../shared/specs/model';
import { useLayout } from '../stores/layout-store';
import { useSpecs } from '../stores/specs-store';
import { formatLabel } from '../../../shared/specs/formats/registry';
import { groupSpecs } from './spec-groups';

function SpecItem({ spec, selected }: { spec: SpecSummary; selected: boolean }) {
  const select = useSpecs((s) => s.select);
  const { total, done, inProgress } = spec.counts;
  const problems = spec.diagnosticCount;
  const errors = spec.errorCount ?? 0;
  return (
    <li>
      <button
        type="button"
        className={selected ? 'spec selected' : 'spec'}
        aria-current={selected ? 'true' : undefined}
        onClick={() => void select(spec.id)}
        title={spec.folder}
      >
        <span className="spec-title">{spec.title}</span>
        {problems > 0 ? (
          <span className={errors > 0 ? 'spec-diagnostics has-errors' : 'spec-diagnostics'} aria-label={`${problems} ${problems === 1 ? 'problem' : 'problems'}`}>
            {errors > 0 ? '⊗' : (spec.warningCount ?? 0) > 0 ? '⚠' : 'ℹ'} {problems}
          </span>
        ) : (
          <span className="spec-diagnostics none" aria-label="no problems">
            ✓
          </span>
        )}
        <span className="spec-progress" aria-label={`${done} of ${total} tasks done, ${inProgress} in progress`}>
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

export function SpecList() {
  const { list, selectedId, filter, setFilter } = useSpecs();
  const groups = useMemo(() => groupSpecs(list, filter), [list, filter]);
  if (groups.length === 0) {
    return (
      <p className="empty">
        No spec matches “{filter}”.{' '}
        <button type="button" className="link-button" onClick={() => setFilter('')}>
          Clear the filter
        </button>
      </p>
    );
  }
  return (
    <ul className="spec-list" aria-label="Spec list">
      {groups.map((group) => (
        <li key={group.key} className="spec-group">
          <h3 className="spec-group-title" id={`group-${group.key.replace(/\W+/g, '-')}`}>
            {formatLabel(group.format)} <span className="spec-group-folder">{group.folder}</span>
          </h3>
          <ul aria-labelledby={`group-${group.key.replace(/\W+/g, '-')}`}>
            {group.specs.map((spec) => (
              <SpecItem key={spec.id} spec={spec} selected={spec.id === selectedId} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

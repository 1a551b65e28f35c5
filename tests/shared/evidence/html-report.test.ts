// The HTML report shows titles as the task list does: code spans and emphasis rendered, not raw
// backticks, and everything else escaped (a title cannot inject markup).
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../shared/evidence/html-report';
import type { EvidenceReport } from '../../../shared/evidence/report-model';

const report = (reqTitle: string, taskTitle: string): EvidenceReport => ({
  version: 1,
  workspace: '/w',
  revision: null,
  junit: null,
  notes: [],
  specs: [
    {
      specId: '.kiro/specs/a',
      title: 'The `a` spec',
      format: 'kiro',
      tasksFile: '.kiro/specs/a/tasks.md',
      progress: { total: 1, done: 0, inProgress: 0 },
      coverage: { requirements: 1, covered: 1, verified: 0, failed: 0 },
      requirements: [{ id: '1', title: reqTitle, taskIds: ['1'], tests: [], verdict: 'untested' }],
      tasks: [{ taskId: '1', key: '1', title: taskTitle, taskState: 'todo', line: 3, requirementIds: ['1'], links: [], namedFiles: [], tests: [], tick: null, count: 0, status: 'none' }],
      diagnostics: [],
    },
  ],
});

describe('the HTML report renders inline markdown in titles', () => {
  it('code spans and emphasis become elements, with no backticks or asterisks left', () => {
    const html = renderReportHtml(report('Parse `config.yaml` **fast**', 'Wire `readConfig()` into _the_ CLI'));
    expect(html).toContain('Parse <code>config.yaml</code> <strong>fast</strong>');
    expect(html).toContain('Wire <code>readConfig()</code> into <em>the</em> CLI');
    expect(html).toContain('The <code>a</code> spec');
    expect(html).not.toMatch(/`config\.yaml`|`readConfig\(\)`/);
  });

  it('escapes markup inside and outside code spans, and shows links as their text', () => {
    const html = renderReportHtml(report('Use `<script>alert(1)</script>` & <b>bold</b>', 'See [the plan](javascript:alert%281%29) now'));
    expect(html).toContain('Use <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('See the plan now');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/<script>|<b>/);
  });
});

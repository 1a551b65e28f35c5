// The report as one self-contained HTML file: inline CSS, no scripts, no external requests (its
// Content-Security-Policy forbids any), readable offline and in any browser. Accessible: a
// language, landmarks, captioned tables with header cells, and states as text, not colour only.
import type { EvidenceStatus, TaskEvidence } from './model';
import { parseInline } from '../text/inline-markdown';
import type { EvidenceReport, ReportSpec } from './report-model';

const CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --bar: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --ok: #3fb950; --warn: #d29922; --bad: #f85149; --bar: #4493f8; } }
body { font: 14px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; } th { font-weight: 600; }
code { font-size: .9em; } .muted { color: var(--muted); }
.progress { height: .5rem; background: var(--line); border-radius: .25rem; overflow: hidden; max-width: 20rem; }
.progress > span { display: block; height: 100%; background: var(--bar); }
.s-fresh, .v-verified { color: var(--ok); } .s-suspect, .s-local, .v-not-run { color: var(--warn); } .s-none, .v-failed { color: var(--bad); }
ul.flat { margin: 0; padding-left: 1rem; }
`;

const STATUS_TEXT: Record<EvidenceStatus, string> = { none: 'no evidence', fresh: 'evidenced', suspect: 'suspect', local: 'local only' };

export function renderReportHtml(report: EvidenceReport): string {
  const rev = report.revision;
  const revision = rev?.commit ? `${esc(rev.commit)}${rev.branch ? ` on ${esc(rev.branch)}` : ''}${rev.dirty ? ' (with uncommitted changes)' : ''}` : 'no git revision';
  const junit =
    report.junit === null
      ? '<p class="muted">No test results were given: no requirement is marked verified.</p>'
      : `<ul>${report.junit.map((j) => `<li><code>${esc(j.path)}</code>: ${j.error ? `not used: ${esc(j.error)}` : `${j.cases} test case(s)`}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Specdeck evidence report — ${esc(report.workspace)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Evidence report: ${esc(report.workspace)}</h1>
<p>Made from ${revision}. Report format version ${report.version}.</p>
</header>
<main>
<section aria-labelledby="results-h"><h2 id="results-h">Test results</h2>${junit}</section>
${report.notes.length > 0 ? `<section aria-labelledby="notes-h"><h2 id="notes-h">What this report could not see</h2><ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>` : ''}
<nav aria-label="Specs"><h2>Specs</h2><ul>${report.specs.map((s, i) => `<li><a href="#spec-${i}">${esc(s.title)}</a> <span class="muted">(${esc(s.specId)})</span></li>`).join('')}</ul></nav>
${report.specs.map(renderSpec).join('\n')}
</main>
</body>
</html>
`;
}

function renderSpec(spec: ReportSpec, index: number): string {
  const pct = spec.progress.total === 0 ? 0 : Math.round((spec.progress.done / spec.progress.total) * 100);
  const byTask = new Map(spec.tasks.map((t) => [t.taskId, t]));
  const matrix = spec.requirements.length === 0
    ? '<p class="muted">This spec has no requirements.</p>'
    : `<table><caption>Requirement × task × code (coverage: ${spec.coverage.covered} of ${spec.coverage.requirements} requirements have tasks; ${spec.coverage.verified} verified, ${spec.coverage.failed} failed)</caption>
<thead><tr><th scope="col">Requirement</th><th scope="col">Tasks</th><th scope="col">Code</th><th scope="col">Tests</th><th scope="col">Verdict</th></tr></thead>
<tbody>${spec.requirements
        .map((r) => {
          const tasks = r.taskIds.map((id) => byTask.get(id)).filter((t): t is TaskEvidence => t !== undefined);
          const code = [...new Set(tasks.flatMap((t) => t.links.map((l) => l.path)))];
          return `<tr><th scope="row">${esc(r.id)} <span class="muted">${inline(r.title)}</span></th><td>${tasks.length === 0 ? '<span class="s-none">no task</span>' : tasks.map((t) => `${esc(t.taskId)} (${esc(t.taskState)})`).join(', ')}</td><td>${code.length === 0 ? '<span class="muted">none</span>' : list(code.map((p) => `<code>${esc(p)}</code>`))}</td><td>${r.tests.length === 0 ? '<span class="muted">none</span>' : list(r.tests.map(testText))}</td><td class="v-${r.verdict}">${esc(r.verdict)}</td></tr>`;
        })
        .join('\n')}</tbody></table>`;
  const tasks = spec.tasks.length === 0
    ? '<p class="muted">This spec has no tasks.</p>'
    : `<table><caption>Evidence per task</caption>
<thead><tr><th scope="col">Task</th><th scope="col">State</th><th scope="col">Evidence</th><th scope="col">Links</th><th scope="col">Named files</th><th scope="col">Tests</th><th scope="col">Last changed in</th></tr></thead>
<tbody>${spec.tasks
        .map(
          (t) =>
            `<tr><th scope="row">${esc(t.taskId)} <span class="muted">${inline(t.title)}</span></th><td>${esc(t.taskState)}</td><td class="s-${t.status}">${STATUS_TEXT[t.status]} (${t.count})</td><td>${list(t.links.map((l) => `${esc(l.state)} <code>${esc(l.path)}:${l.startLine}-${l.endLine}</code> ${esc(l.source)}${l.committed ? '' : ' (local)'}`))}</td><td>${list(t.namedFiles.map((f) => `<code>${esc(f.path)}</code> ${!f.exists ? '<span class="s-none">missing</span>' : f.touched === true ? (f.touchedLocally ? 'changed (uncommitted)' : 'changed') : f.touched === null ? 'history unknown' : 'not changed'}`))}</td><td>${list(t.tests.map(testText))}</td><td>${t.tick ? `<code>${esc(t.tick.sha.slice(0, 12))}</code> ${esc(t.tick.subject)}` : '<span class="muted">not committed</span>'}</td></tr>`,
        )
        .join('\n')}</tbody></table>`;
  const diagnostics = spec.diagnostics.length === 0
    ? '<p class="muted">No diagnostics.</p>'
    : `<ul>${spec.diagnostics.map((d) => `<li>${esc(d.severity)} <code>${esc(d.code)}</code> <code>${esc(d.pos.file)}:${d.pos.line}</code>: ${esc(d.message)}</li>`).join('')}</ul>`;
  return `<section id="spec-${index}" aria-labelledby="spec-${index}-h">
<h2 id="spec-${index}-h">${inline(spec.title)} <span class="muted">${esc(spec.specId)} · ${esc(spec.format)}</span></h2>
<p>${spec.progress.done} of ${spec.progress.total} tasks done (${pct}%), ${spec.progress.inProgress} in progress.</p>
<div class="progress" role="img" aria-label="${pct}% of tasks done"><span style="width:${pct}%"></span></div>
<h3>Matrix</h3>
${matrix}
<h3>Tasks</h3>
${tasks}
<h3>Diagnostics</h3>
${diagnostics}
</section>`;
}

function testText(t: { path: string; line: number; name: string | null; outcome: string | null; cites: string }): string {
  return `<code>${esc(t.path)}:${t.line}</code>${t.name ? ` ${esc(t.name)}` : ''} <span class="muted">(${esc(t.cites)}${t.outcome ? `, ${esc(t.outcome)}` : ''})</span>`;
}

function list(items: string[]): string {
  return items.length === 0 ? '<span class="muted">none</span>' : `<ul class="flat">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** A title as written is inline markdown: code spans and emphasis as HTML, everything escaped; links as their text (the report is read offline, away from the repository). */
function inline(s: string): string {
  return parseInline(s)
    .map((p) => (p.kind === 'code' ? `<code>${esc(p.text)}</code>` : p.kind === 'strong' ? `<strong>${esc(p.text)}</strong>` : p.kind === 'em' ? `<em>${esc(p.text)}</em>` : esc(p.text)))
    .join('');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Builds the Spec model for a located spec from its documents' text.
import type { Spec, SpecSummary } from './model';
import type { SpecLocation } from './detect';
import { parseTaskLines } from './tasks-markdown';

/** `read` returns a document's text, or null when it cannot be read. */
export function parseSpec(location: SpecLocation, read: (path: string) => string | null): Spec {
  const tasksDoc = location.files.find((f) => f.kind === 'tasks');
  const tasksText = tasksDoc ? read(tasksDoc.path) : null;
  const name = location.folder.slice(location.folder.lastIndexOf('/') + 1);
  return {
    id: location.id,
    format: location.format,
    folder: location.folder,
    title: name,
    documents: location.files.map((f) => ({ kind: f.kind, path: f.path })),
    requirements: [],
    tasks: tasksDoc && tasksText !== null ? parseTaskLines(tasksText, tasksDoc.path) : [],
    diagnostics: [],
    tasksFile: tasksDoc?.path ?? null,
  };
}

export function summarizeSpec(spec: Spec): SpecSummary {
  const counts = { total: 0, done: 0, inProgress: 0, optional: 0 };
  for (const t of spec.tasks) {
    counts.total++;
    if (t.state === 'done') counts.done++;
    if (t.state === 'in-progress') counts.inProgress++;
    if (t.optional) counts.optional++;
  }
  return {
    id: spec.id,
    format: spec.format,
    folder: spec.folder,
    title: spec.title,
    counts,
    requirementCount: spec.requirements.length,
    diagnosticCount: spec.diagnostics.length,
  };
}

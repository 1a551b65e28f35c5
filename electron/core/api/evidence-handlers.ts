// The `evidence.*` methods: evidence per task of a spec, and the evidence report (data + HTML).
import { renderReportHtml } from '../../../shared/evidence/html-report';
import type { EvidenceService } from '../evidence/evidence-service';
import { buildReport } from '../evidence/report';
import type { SpecService } from '../specs/spec-service';
import type { Workspace } from '../workspace/workspace';
import type { Current, Handlers } from './handler-types';

export interface EvidenceServices {
  evidence: Current<EvidenceService>;
  specs: Current<SpecService>;
  workspace: Current<Workspace>;
}

export function evidenceHandlers({ evidence, specs, workspace }: EvidenceServices): Handlers<'evidence.spec' | 'evidence.report'> {
  return {
    'evidence.spec': async ({ specId }) => {
      await specs().get(specId); // NOT_FOUND for an unknown spec
      return (await evidence().forSpecs([specId])).evidence[0]!;
    },
    'evidence.report': async ({ specId, junit }) => {
      const ws = workspace();
      const chosen = specId !== undefined ? [(await specs().get(specId)).spec] : (await specs().all()).filter((s) => s.tasks.length > 0);
      // Results files are workspace paths: OUTSIDE_WORKSPACE for one that escapes.
      const files = junit ? await Promise.all(junit.map(async (p) => ({ label: p, path: await ws.resolve(p, 'junit') }))) : null;
      const report = await buildReport(ws, evidence(), chosen, files);
      return { report, html: renderReportHtml(report) };
    },
  };
}

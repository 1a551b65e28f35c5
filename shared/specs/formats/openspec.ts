// OpenSpec (`openspec/specs/<capability>/spec.md`; `openspec/changes/<change>/proposal.md`,
// `tasks.md`, `specs/<capability>/spec.md` deltas; archived changes): capabilities and changes.
import type { Diagnostic, Requirement } from '../model';
import type { SpecLocation } from '../detect';
import { parseOpenSpecDoc } from '../parsers/openspec';
import { parseChangeMeta } from '../parsers/openspec-yaml';
import type { FormatDescriptor, FormatParse, NewSpec, ParseContext } from './descriptor';
import { titleOf } from './template-names';
import { textMemo } from '../text-memo';

// A capability modified by several changes is read once per text (its requirements are only looked at here).
const baseRequirements = textMemo<Requirement[]>();

type Read = (path: string) => string | null;

const CHANGE_MARKERS = new Set(['proposal.md', 'tasks.md', 'design.md']);

function parseCapability(ctx: ParseContext): FormatParse {
  const { location } = ctx;
  const specDoc = ctx.doc('spec');
  const root = location.openspecRoot ?? '';
  const title = root ? location.folder.slice(root.length + '/specs/'.length) : ctx.title;
  const text = specDoc ? ctx.docText(specDoc.path) : null;
  let requirements: Requirement[] = [];
  let hasRequirementsDoc = false;
  if (specDoc && text !== null) {
    hasRequirementsDoc = true;
    const parsed = parseOpenSpecDoc(text, specDoc.path, title);
    requirements = parsed.requirements;
    ctx.diagnostics.push(...parsed.diagnostics);
    const at = { file: specDoc.path, line: 1, column: 1 };
    // One error for one mistake, as the OpenSpec CLI: a missing Purpose names both sections.
    if (!parsed.hasPurpose) {
      const both = parsed.hasRequirementsSection ? '' : ' (nor a "## Requirements" section)';
      ctx.diagnostics.push({ severity: 'error', code: 'openspec-no-purpose', message: `The spec has no "## Purpose" section${both}`, pos: at });
    } else if (!parsed.hasRequirementsSection) {
      ctx.diagnostics.push({ severity: 'error', code: 'openspec-no-requirements', message: 'The spec has no "## Requirements" section', pos: at });
    }
  }
  return { requirements, hasRequirementsDoc, title };
}

/** The current capability specs a change's deltas are checked against (see parseChangeDeltas). */
function baseSpecsOf(location: SpecLocation): string[] {
  if (location.format !== 'openspec-change' || location.archived || !location.openspecRoot) return [];
  return location.files
    .filter((f) => f.kind === 'delta')
    .map((d) => `${location.openspecRoot}/specs/${d.path.slice(location.folder.length + '/specs/'.length, -'/spec.md'.length)}/spec.md`);
}

function parseChange(ctx: ParseContext): FormatParse {
  // OpenSpec 1.13's `.openspec.yaml`: goal, affected areas, skip_specs (shown with the change).
  const metaDoc = ctx.doc('.openspec');
  const metaText = metaDoc ? ctx.docText(metaDoc.path) : null;
  let changeMeta: FormatParse['changeMeta'] = null;
  if (metaDoc && metaText !== null) {
    const meta = parseChangeMeta(metaText, metaDoc.path);
    changeMeta = meta.meta;
    ctx.diagnostics.push(...meta.diagnostics);
  }
  const parsed = parseChangeDeltas(ctx.location, ctx.read, ctx.docText, changeMeta?.skipSpecs === true);
  // `openspec validate --all` does not validate archived changes: neither do we.
  ctx.diagnostics.push(...(ctx.location.archived ? parsed.diagnostics.filter((d) => !d.code.startsWith('openspec-')) : parsed.diagnostics));
  return { requirements: parsed.requirements, hasRequirementsDoc: false, changeMeta };
}

export const openspecFormat: FormatDescriptor = {
  id: 'openspec',
  kinds: [
    { format: 'openspec-change', label: 'OpenSpec changes', order: 40 },
    // A capability's requirements count; delta-marked ones in it are a mistake, not requirements.
    { format: 'openspec-capability', label: 'OpenSpec specs', order: 41, countsRequirement: (r) => r.delta === undefined },
  ],
  layout: {
    path: /(^|\/)openspec(\/|$)/,
    locate(segs) {
      const os = segs.lastIndexOf('openspec', segs.length - 2);
      if (os === -1) return null;
      const name = segs[segs.length - 1]!;
      const root = segs.slice(0, os + 1).join('/');
      const area = segs[os + 1];
      if (area === 'specs' && name === 'spec.md' && segs.length >= os + 4) {
        return { folder: segs.slice(0, -1).join('/'), format: 'openspec-capability', deep: false, openspecRoot: root };
      }
      const archivedUnderChanges = area === 'changes' && segs[os + 2] === 'archive';
      const changeDepth = archivedUnderChanges ? os + 4 : os + 3;
      if ((area === 'changes' || area === 'archive') && segs.length > changeDepth) {
        const below = segs.slice(changeDepth);
        const isMarker = below.length === 1 ? CHANGE_MARKERS.has(name) : below[0] === 'specs' && name === 'spec.md';
        if (isMarker) {
          const archived = area === 'archive' || archivedUnderChanges;
          return { folder: segs.slice(0, changeDepth).join('/'), format: 'openspec-change', deep: true, openspecRoot: root, archived };
        }
      }
      // Everything under `openspec/` is OpenSpec's: its `specs/` folders are not Spec Kit's.
      return 'owned';
    },
  },
  documents: { order: ['spec', 'proposal', 'delta', 'design', 'tasks'], parsed: ['spec', 'delta'], related: baseSpecsOf },
  tasks: {},
  capabilities: { marksInProgress: false, optionalTasks: false, checksTaskReferences: false },
  parseRequirements: (ctx) => (ctx.location.format === 'openspec-capability' ? parseCapability(ctx) : parseChange(ctx)),
  templates: [{ layout: 'openspec', label: 'OpenSpec change', where: 'openspec/changes/<name>/', create: (slug) => openspec(slug) }],
};

/** A change's delta specs (`specs/<capability>/spec.md`), checked against the current capabilities. */
function parseChangeDeltas(location: SpecLocation, read: Read, docText: Read, skipSpecs: boolean): { requirements: Requirement[]; diagnostics: Diagnostic[] } {
  const requirements: Requirement[] = [];
  const diagnostics: Diagnostic[] = [];
  let deltas = 0;
  for (const d of location.files.filter((f) => f.kind === 'delta')) {
    const capability = d.path.slice(location.folder.length + '/specs/'.length, -'/spec.md'.length);
    const text = docText(d.path);
    if (text === null) continue;
    const parsed = parseOpenSpecDoc(text, d.path, capability);
    deltas += parsed.deltaCount;
    requirements.push(...parsed.requirements);
    diagnostics.push(...parsed.diagnostics);
    if (location.archived || !location.openspecRoot) continue;
    // MODIFIED, REMOVED and RENAMED must name a requirement the capability has today.
    const basePath = `${location.openspecRoot}/specs/${capability}/spec.md`;
    const baseText = read(basePath);
    const base = baseText === null ? [] : baseRequirements.get(basePath, baseText, () => parseOpenSpecDoc(baseText, basePath, capability).requirements);
    const key = (name: string) => name.trim().toLowerCase();
    const existing = new Set(base.filter((r) => r.kind === 'requirement' && r.delta === undefined).map((r) => key(r.id)));
    for (const r of parsed.requirements) {
      if (r.kind !== 'requirement' || r.delta === undefined || r.delta === 'ADDED') continue;
      const name = r.delta === 'RENAMED' ? (r.renamedFrom ?? r.id) : r.id;
      if (!existing.has(key(name))) {
        // The OpenSpec CLI reports this as INFO ("archive would refuse"): a warning here.
        diagnostics.push({
          severity: 'warning',
          code: 'openspec-delta-unknown-requirement',
          message: `${r.delta} names "${name}", which ${baseText === null ? `cannot exist: there is no capability ${capability}` : `is not a requirement of ${capability}`}`,
          pos: r.pos,
        });
      } else if (r.delta === 'MODIFIED') {
        // A MODIFIED block replaces the whole requirement: scenarios it leaves out would be lost.
        const scenarioNames = (reqs: Requirement[], parent: string) =>
          reqs.filter((x) => x.kind === 'scenario' && x.parentId !== null && key(x.parentId) === key(parent) && x.delta === undefined).map((x) => x.title.trim());
        const kept = new Set(parsed.requirements.filter((x) => x.kind === 'scenario' && x.parentId === r.id).map((x) => x.title.trim()));
        const dropped = scenarioNames(base, name).filter((n) => !kept.has(n));
        if (dropped.length > 0) {
          diagnostics.push({
            severity: 'error',
            code: 'openspec-modified-drops-scenarios',
            message: `MODIFIED "${name}" omits scenario(s) the current spec still has: ${dropped.map((n) => `"${n}"`).join(', ')}`,
            pos: r.pos,
          });
        }
      }
    }
  }
  // `skip_specs: true` in `.openspec.yaml` says the change has no deltas on purpose.
  if (deltas === 0 && !location.archived && !skipSpecs) {
    diagnostics.push({ severity: 'error', code: 'openspec-no-deltas', message: 'The change has no delta requirements (specs/<capability>/spec.md with ## ADDED/MODIFIED/REMOVED/RENAMED Requirements)', pos: { file: location.folder, line: 1, column: 1 } });
  }
  return { requirements, diagnostics };
}

function openspec(slug: string): NewSpec {
  const folder = `openspec/changes/${slug}`;
  const title = titleOf(slug);
  return {
    id: folder,
    files: [
      {
        path: `${folder}/proposal.md`,
        content: `# Change: ${title}

## Why

<The problem or opportunity, in one or two sentences.>

## What Changes

- <The change, as a bullet per behaviour>

## Impact

- Affected specs: ${slug}
- Affected code: <…>
`,
      },
      {
        path: `${folder}/tasks.md`,
        content: `## 1. Implementation

- [ ] 1.1 <First step>
- [ ] 1.2 <Second step>
- [ ] 1.3 <Write the tests>
`,
      },
      {
        path: `${folder}/specs/${slug}/spec.md`,
        content: `## ADDED Requirements

### Requirement: <Capability>

WHEN <trigger> the system SHALL <response>.

#### Scenario: <Name>

- **WHEN** <trigger>
- **THEN** <expected outcome>
`,
      },
    ],
  };
}

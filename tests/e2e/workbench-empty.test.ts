// End to end, issue 5 item 8: a folder without specs says what to do and creates a spec from a
// template in the Kiro, Spec Kit or OpenSpec layout (EARS-style placeholders), never overwriting.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbench, type WorkbenchSession, specGroupNames } from '../support/workbench-session';

let s: WorkbenchSession;

beforeAll(async () => {
  s = await openWorkbench({ empty: true, prepare: (root) => writeFileSync(path.join(root, 'notes.txt'), 'hello\n') });
});

afterAll(async () => {
  await s?.close();
});

const left = () => s.page.getByRole('region', { name: 'Specs' });
const form = () => left().getByRole('form', { name: 'Create a spec' });
const specButtons = () => left().getByRole('list', { name: 'Spec list' }).locator('button.spec');
const file = (rel: string) => path.join(s.workspace.path, rel);

/**
 * The + button toggles the form, and the form closes only once the last spec made is selected,
 * which can come after it is listed: wait for it to close first (clicking too early closed it, under load).
 */
async function openCreateForm() {
  await expect.poll(() => form().count()).toBe(0);
  await left().getByRole('button', { name: 'Create a spec from a template' }).click();
}

describe('no specs yet', () => {
  it('says that no spec was found, where specs are read from, and what to do', async () => {
    await expect.poll(() => left().textContent()).toContain('No specs found in this folder');
    await expect(left().textContent()).resolves.toContain('.kiro/specs/*/');
    await expect(s.page.getByRole('region', { name: 'Tasks' }).textContent()).resolves.toContain('Select a spec');
    // The empty editor's hint reads as two sentences (it once ran them together: "line.Ctrl+Shift+P").
    await expect(s.page.getByRole('region', { name: 'Editor' }).textContent()).resolves.toContain('open its line. Ctrl+Shift+P lists every command');
    await expect(form().getByRole('button', { name: 'Create Kiro spec' }).isDisabled()).resolves.toBe(true); // no name yet
  });

  it('creates a Kiro spec with EARS placeholders, selects it and opens its requirements', async () => {
    await form().getByRole('textbox', { name: 'Spec name' }).fill('User Login');
    await form().getByRole('button', { name: 'Create Kiro spec' }).click();
    await expect.poll(() => specButtons().allTextContents(), { timeout: 5000 }).toEqual([expect.stringContaining('user-login')]);
    const requirements = readFileSync(file('.kiro/specs/user-login/requirements.md'), 'utf8');
    expect(requirements).toContain('1. WHEN <trigger> THEN the system SHALL <response>');
    expect(existsSync(file('.kiro/specs/user-login/design.md'))).toBe(true);
    expect(existsSync(file('.kiro/specs/user-login/tasks.md'))).toBe(true);
    await expect.poll(() => s.page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox').count()).toBe(4);
    await expect.poll(() => s.page.getByRole('region', { name: 'Editor' }).getByRole('tab', { selected: true }).textContent()).toBe('requirements.md');
  });

  it('creates Spec Kit and OpenSpec specs from the + button', async () => {
    await openCreateForm();
    await form().getByRole('textbox', { name: 'Spec name' }).fill('search');
    await form().getByRole('button', { name: 'Create Spec Kit spec' }).click();
    await expect.poll(() => specButtons().count(), { timeout: 5000 }).toBe(2);
    expect(readFileSync(file('specs/001-search/spec.md'), 'utf8')).toContain('- **FR-001**: WHEN <trigger>, the system MUST <response>');

    await openCreateForm();
    await form().getByRole('textbox', { name: 'Spec name' }).fill('export');
    await form().getByRole('button', { name: 'Create OpenSpec change spec' }).click();
    await expect.poll(() => specButtons().count(), { timeout: 5000 }).toBe(3);
    // The spec is listed once its first file exists; the delta is written after it.
    await expect.poll(() => existsSync(file('openspec/changes/export/specs/export/spec.md')), { timeout: 5000 }).toBe(true);
    expect(readFileSync(file('openspec/changes/export/specs/export/spec.md'), 'utf8')).toContain('### Requirement: <Capability>');
    await expect.poll(() => specGroupNames(s.page)).toEqual([
      'Kiro .kiro/specs',
      'Spec Kit specs',
      'OpenSpec changes openspec/changes',
    ]);
  });

  it('never overwrites: a name that exists is refused with a message', async () => {
    const before = readFileSync(file('.kiro/specs/user-login/requirements.md'), 'utf8');
    await openCreateForm();
    await form().getByRole('textbox', { name: 'Spec name' }).fill('user-login');
    await form().getByRole('button', { name: 'Create Kiro spec' }).click();
    await expect.poll(() => form().getByRole('alert').textContent()).toContain('.kiro/specs/user-login already exists');
    expect(readFileSync(file('.kiro/specs/user-login/requirements.md'), 'utf8')).toBe(before);
  });

  it('raised no page error', () => {
    expect(s.errors.filter((e) => !e.includes('CONFLICT') && !e.includes('409'))).toEqual([]);
  });
});

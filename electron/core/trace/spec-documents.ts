// Spec documents (requirements, design, tasks, their metadata) are what links point *from*: saves
// of them and commits touching them link no code, and tags written in them are examples, not links.
// The rule is the format registry's, the same one the renderer and detection use.
export { isSpecDocument } from '../../../shared/specs/formats/registry';

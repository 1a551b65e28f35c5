// Public entry points of the spec engine (pure).
export type * from './model';
export { detectSpecs, type SpecLocation } from './detect';
export { parseSpec, summarizeSpec } from './parse';
export { setTaskState, TaskEditError } from './task-edit';

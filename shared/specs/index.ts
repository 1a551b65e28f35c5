// Public entry points of the spec engine (pure).
export type * from './model';
export { detectSpecs, type SpecLocation } from './detect';
export { parseSpec, summarizeSpec } from './parse';
export { setTaskState, setTaskStateWithParents, TaskEditError, type TaskEditOptions, type TaskEditResult } from './task-edit';
export { parseTasks, stateOf } from './tasks-markdown';
export { earsPattern } from './ears';
export { computeCoverage } from './diagnostics/coverage';

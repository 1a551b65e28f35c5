import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Todo {
  id: number;
  text: string;
  done: boolean;
}

export function load(file: string): Todo[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Todo[];
  } catch {
    return [];
  }
}

export function save(file: string, todos: Todo[]): void {
  writeFileSync(file + '.tmp', JSON.stringify(todos, null, 2));
  renameSync(file + '.tmp', file);
}

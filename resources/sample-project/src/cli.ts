import { load, save } from './store';

const FILE = 'todos.json';

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const todos = load(FILE);
  if (command === 'add') {
    const text = rest.join(' ').trim();
    if (text === '') {
      console.error('todo: text must not be empty');
      return 1;
    }
    todos.push({ id: todos.length + 1, text, done: false });
    save(FILE, todos);
    return 0;
  }
  console.error(`todo: unknown command ${command ?? ''}`);
  return 1;
}

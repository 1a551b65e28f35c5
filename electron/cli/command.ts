// What every `specdeck` sub-command provides, and the frame most of them are written in:
// `defineCommand` parses the flags (node:util parseArgs, strict), checks the positional
// arguments and hands both to `run`. Output goes through `io` so tests can capture it.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export interface Command {
  name: string;
  /** One line for `specdeck --help`. */
  summary: string;
  /** Usage line(s) shown by `specdeck <name> --help` and on argument errors. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad command-line arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>['values'];

export interface CommandDefinition<O extends Options> {
  name: string;
  summary: string;
  usage: string;
  options: O;
  /**
   * The positional arguments, by name, all required (`['folder', 'query']`), or one optional
   * (`['folder?']`). Any other count is a UsageError that names them.
   */
  positionals: readonly string[];
  run(input: { values: Values<O>; positionals: string[]; io: CliIO }): Promise<number>;
}

export function defineCommand<const O extends Options>(definition: CommandDefinition<O>): Command {
  const { name, summary, usage, options, positionals: wanted } = definition;
  return {
    name,
    summary,
    usage,
    async run(args, io) {
      const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
      checkPositionals(name, wanted, positionals);
      return definition.run({ values, positionals, io });
    },
  };
}

function checkPositionals(command: string, wanted: readonly string[], given: readonly string[]): void {
  const optional = wanted.length === 1 && wanted[0]!.endsWith('?');
  if (optional) {
    if (given.length > 1) throw new UsageError(`${command} takes at most one ${wanted[0]!.slice(0, -1)}`);
    return;
  }
  if (given.length === wanted.length) return;
  if (wanted.length === 1) throw new UsageError(`${command} takes exactly one ${wanted[0]}`);
  const named = wanted.map((w) => `a ${w}`);
  throw new UsageError(`${command} takes ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`);
}

/** An integer flag within [min, max]; `fallback` when absent. */
export function integerOption(flag: string, value: string | undefined, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) throw new UsageError(`--${flag} must be ${range.min}-${range.max}, got ${value}`);
  return n;
}

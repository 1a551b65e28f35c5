// What every `specdeck` sub-command provides. Output goes through `io` so tests can capture it.
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

// The `specdeck` command: parses the sub-command, runs it, maps errors to messages and exit codes.
import { ApiError } from '../../shared/api/errors';
import { UsageError, type CliIO } from './command';
import { commands } from './commands/index';

/** `specdeck search` with a regex that ran out of its time budget (exit 1 means "no match"). */
export const EXIT_QUERY_TOO_EXPENSIVE = 3;

const consoleIO: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'specdeck — a desktop IDE shell centred on specs (Kiro, Spec Kit, OpenSpec)',
    '',
    'Usage: specdeck <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'specdeck <command> --help' for a command's options.",
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO = consoleIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`specdeck: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`specdeck ${name}: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof ApiError && error.code === 'QUERY_TOO_EXPENSIVE') {
      // Not 1, which `search` answers for "no match": the search did not finish.
      io.err(`specdeck ${name}: ${error.message} (QUERY_TOO_EXPENSIVE)`);
      return EXIT_QUERY_TOO_EXPENSIVE;
    }
    if (error instanceof ApiError) {
      io.err(`specdeck ${name}: ${error.message}`);
      return 1;
    }
    io.err(`specdeck ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

// Runs a `specdeck` command in this process (runCli with captured output): the same code paths
// as the built command, without a child process per call.
import { runCli } from '../../electron/cli/main';

export async function cliInProcess(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

import { parseArgs } from 'node:util';
import { startWebHost } from '../../web/host';
import { sampleProjectPath } from '../sample-project';
import { UsageError, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the Specdeck UI for a folder to a local browser (127.0.0.1, random token)',
  usage: 'specdeck serve [<folder>] [--port N]   (no folder: the bundled sample project)',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { port: { type: 'string' } }, allowPositionals: true });
    if (positionals.length > 1) throw new UsageError('serve takes at most one folder');
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${values.port}`);
    const host = await startWebHost({ folder: positionals[0] ?? sampleProjectPath(), port });
    io.out(`Specdeck is serving ${host.workspaceRoot} at ${host.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => void host.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

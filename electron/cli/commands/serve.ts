import { sampleProjectPath } from '../sample-project';
import { defineCommand, integerOption } from '../command';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Serve the Specdeck UI for a folder to a local browser (127.0.0.1, random token)',
  usage: 'specdeck serve [<folder>] [--port N]   (no folder: the bundled sample project)',
  options: { port: { type: 'string' } },
  positionals: ['folder?'],
  async run({ values, positionals, io }) {
    const port = integerOption('port', values.port, { min: 0, max: 65535, fallback: 0 });
    // A long-running host: a promise nobody awaited that fails is logged, not the end of every
    // connection (Node's default is to exit). Each call already answers its own failure.
    process.on('unhandledRejection', (reason) => {
      io.err(`specdeck: unhandled rejection (the host goes on): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    });
    const { startWebHost } = await import('../../web/host'); // only this command needs the host (ws, http)
    const host = await startWebHost({ folder: positionals[0] ?? sampleProjectPath(), port });
    io.out(`Specdeck is serving ${host.workspaceRoot} at ${host.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => void host.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
});

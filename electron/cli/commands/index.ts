// Every `specdeck` sub-command, in the order `--help` lists them. Add new commands here.
import type { Command } from '../command';
import { serveCommand } from './serve';

export const commands: Command[] = [serveCommand];

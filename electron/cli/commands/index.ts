// Every `specdeck` sub-command, in the order `--help` lists them. Add new commands here.
import type { Command } from '../command';
import { serveCommand } from './serve';
import { specsCommand } from './specs';
import { tasksCommand } from './tasks';
import { taskCommand } from './task';
import { checkCommand } from './check';
import { indexCommand } from './index-workspace';
import { searchCommand } from './search';
import { filesCommand } from './files';
import { traceCommand } from './trace';
import { linksCommand } from './links';
import { trailerCommand } from './trailer';
import { newCommand } from './new-spec';
import { impactCommand } from './impact';
import { reportCommand } from './report';

export const commands: Command[] = [serveCommand, specsCommand, tasksCommand, taskCommand, checkCommand, indexCommand, searchCommand, filesCommand, traceCommand, linksCommand, trailerCommand, newCommand, impactCommand, reportCommand];

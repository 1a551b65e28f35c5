// One Specdeck process per user: a second launch hands its command line to the first and exits.
import { app } from 'electron';

/** False when another instance holds the lock (the caller should quit at once). */
export function acquireSingleInstanceLock(onSecondInstance: (argv: string[], workingDirectory: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory));
  return true;
}

// What a file-system error means to an API caller. Without this, ELOOP, ENAMETOOLONG, EACCES and
// the like crossed the transport as INTERNAL with an absolute path in the message.
import { ApiError, type ErrorCode } from '../../../shared/api/errors';

const MEANINGS: Record<string, [ErrorCode, string]> = {
  ENOENT: ['NOT_FOUND', 'No such file or folder'],
  ENOTDIR: ['NOT_FOUND', 'A part of the path is not a folder'],
  EISDIR: ['INVALID_PATH', 'The path is a folder'],
  ELOOP: ['INVALID_PATH', 'Too many symbolic links (a link loop?)'],
  ENAMETOOLONG: ['INVALID_PATH', 'The path or a name in it is too long'],
  EINVAL: ['INVALID_PATH', 'The path is not valid here'],
  EACCES: ['PERMISSION_DENIED', 'Permission denied'],
  EPERM: ['PERMISSION_DENIED', 'Operation not permitted'],
  EROFS: ['PERMISSION_DENIED', 'The file system is read-only'],
  EMFILE: ['UNAVAILABLE', 'Too many open files; try again'],
  ENFILE: ['UNAVAILABLE', 'Too many open files; try again'],
  EBUSY: ['UNAVAILABLE', 'The file is busy; try again'],
  EAGAIN: ['UNAVAILABLE', 'The file is busy; try again'],
  EIO: ['UNAVAILABLE', 'The disk reported an I/O error'],
  ENOSPC: ['UNAVAILABLE', 'The disk is full'],
  EDQUOT: ['UNAVAILABLE', 'The disk quota is exhausted'],
};

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The ApiError for a file-system error, or null when the error is not one we know (the caller
 * then reports INTERNAL). `subject` names the path as the caller knows it (workspace-relative),
 * never the absolute one the system error carries.
 */
export function apiErrorFromFs(error: unknown, subject?: string, field = 'path'): ApiError | null {
  const code = errnoCode(error);
  const meaning = code ? MEANINGS[code] : undefined;
  if (!meaning) return null;
  const [apiCode, text] = meaning;
  return new ApiError(apiCode, subject ? `${text}: ${subject}` : text, field);
}

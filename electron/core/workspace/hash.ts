import { createHash } from 'node:crypto';

/** Content hash used for conflict detection: sha-256 of the exact bytes, hex. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

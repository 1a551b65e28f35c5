// The one API client of this page, set once at start-up by main.tsx.
import type { ApiClient } from '../../../shared/api/client';

let client: ApiClient | null = null;

export function setApi(value: ApiClient): void {
  client = value;
}

export function api(): ApiClient {
  if (!client) throw new Error('The API client is not connected yet');
  return client;
}

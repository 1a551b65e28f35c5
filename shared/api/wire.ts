// Messages exchanged by every transport. IPC and WebSocket carry exactly these shapes, so the
// router's answers (including errors) are identical whichever way they travel.
import type { ApiErrorData } from './errors';

export interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  params: unknown;
}

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

export type ResultMessage = { type: 'result'; id: number } & Outcome;

export interface EventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}

export type ServerMessage = ResultMessage | EventMessage;

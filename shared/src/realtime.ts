import type { FieldError } from './errors';
import type { DealMessageView, DealStage } from './schemas/deal';
import type { ImportJobView } from './schemas/import';
import type { NotificationView } from './schemas/notification';
import type { PairingRunView } from './schemas/pairing';

/** Events the server sends over Socket.io (typed on both sides). */
export interface ServerToClientEvents {
  'notification:new': (n: NotificationView) => void;
  'notification:unread': (payload: { unread: number }) => void;
  /** Progress of a bulk import, to the administrator who started it. */
  'import:progress': (job: ImportJobView) => void;
  /** Progress of a pairing run (双千), to the administrator who started it. */
  'pairing:progress': (run: PairingRunView) => void;
  /** A message stored in a deal room the socket has joined (also to the sender's other tabs). */
  'deal:message': (m: DealMessageView & { dealId: string }) => void;
  /** Someone in the room is typing (or stopped); never echoed to the typist's own sockets. */
  'deal:typing': (p: { dealId: string; user: { id: string; name: string }; typing: boolean }) => void;
  /** Who of the participants has the room open now (sent on every join/leave/disconnect). */
  'deal:presence': (p: { dealId: string; online: { id: string; name: string }[] }) => void;
  /** A participant's read marker moved (read receipts). */
  'deal:read': (p: { dealId: string; user: { id: string; name: string }; messageId: string; seq: number }) => void;
  /**
   * Something else in the room changed (stage, proposal, files, NDA, intermediary, order, contract):
   * the client reloads what `what` names over REST.
   */
  'deal:updated': (p: { dealId: string; what: DealUpdateKind; stage?: DealStage }) => void;
}

/** What a `deal:updated` event says changed. */
export type DealUpdateKind = 'stage' | 'files' | 'nda' | 'participants' | 'orders' | 'contract';

/** The answer to a client's request over the socket: like the REST error body when it fails. */
export type SocketAck<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; messageEn: string; status: number; fields?: FieldError[] } };

/**
 * The answer to `deal:join`. `caughtUpTo`: once the client has merged `messages`, it holds every
 * message with a seq up to this one that will ever exist (numbers handed out to writes that failed
 * are skipped), so its next catch-up may ask `afterSeq: caughtUpTo`. It can be below the highest
 * seq in `messages` when a lower number's message is still being written: see deal.socket.ts.
 */
export interface DealJoinAck {
  messages: DealMessageView[];
  hasMore: boolean;
  online: { id: string; name: string }[];
  caughtUpTo: number;
}

/** Events the client sends (deal-room chat; each is answered through the acknowledgement callback). */
export interface ClientToServerEvents {
  /**
   * Enter a room (participants only; administrators audited, read-only). Answers with the messages
   * after `afterSeq` (catch-up after a reconnect; all recent ones when absent) and who is online.
   */
  'deal:join': (
    p: { dealId: string; afterSeq?: number },
    ack: (r: SocketAck<DealJoinAck>) => void,
  ) => void;
  'deal:leave': (p: { dealId: string }) => void;
  /**
   * Send a message with a client-generated id: stored first, then broadcast; the ack carries the
   * stored message. The client retries with the same id until acknowledged; the server stores it once.
   */
  'deal:send': (p: { dealId: string; clientId: string; body: string; retry?: boolean }, ack: (r: SocketAck<DealMessageView>) => void) => void;
  'deal:typing': (p: { dealId: string; typing: boolean }) => void;
  'deal:read': (p: { dealId: string; messageId: string }, ack: (r: SocketAck<{ messageId: string }>) => void) => void;
}

/** The Socket.io path, shared so client and server agree. */
export const SOCKET_PATH = '/api/socket.io';

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
}

/** Events the client sends (none yet; chat and presence come with deal rooms). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}

/** The Socket.io path, shared so client and server agree. */
export const SOCKET_PATH = '/api/socket.io';

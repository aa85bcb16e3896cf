/**
 * Telling the realtime layer that part of a room changed, so it can emit `deal:updated` to the
 * room and clients reload that part over REST. A setter-injected publisher (default: nothing), as
 * for the pairing progress: the modules know nothing of Socket.io.
 */
import type { DealStage, DealUpdateKind } from '@kezhuan/shared';

export type DealUpdatePublisher = (dealId: string, what: DealUpdateKind, stage?: DealStage) => void;

let publisher: DealUpdatePublisher = () => undefined;

/** Set by the realtime layer at start-up (undefined: back to no-op, for tests). */
export function setDealUpdatePublisher(p: DealUpdatePublisher | undefined): void {
  publisher = p ?? (() => undefined);
}

/** Tells the room's clients that `what` changed; a failing publisher never fails the change. */
export function publishDealUpdate(dealId: string, what: DealUpdateKind, stage?: DealStage): void {
  try {
    publisher(dealId, what, stage);
  } catch {
    // Clients reload on their next visit; the change itself is stored.
  }
}

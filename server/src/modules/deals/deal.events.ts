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

/** Told when a person stops being a participant of the rooms he may have open (he left his organisation). */
export type DealAccessPublisher = (userId: string) => Promise<void> | void;

let accessPublisher: DealAccessPublisher = () => undefined;

/** Set by the realtime layer at start-up (undefined: back to no-op, for tests). */
export function setDealAccessPublisher(p: DealAccessPublisher | undefined): void {
  accessPublisher = p ?? (() => undefined);
}

/**
 * Takes the person's open sockets out of every deal room at once, instead of at their next join,
 * send or read: nothing more of those rooms reaches him. Never fails the change that caused it.
 */
export async function publishDealAccessEnded(userId: string): Promise<void> {
  try {
    await accessPublisher(userId);
  } catch {
    // Every join, send and read re-checks membership anyway.
  }
}

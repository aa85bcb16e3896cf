/**
 * Tells the clients in a deal room that a part of it changed (they reload it over REST). Modules
 * call `publishDealUpdate`; the realtime server sets the publisher at start (emitting
 * `deal:updated` to the room); without one (tests, scripts) it does nothing.
 */
import type { DealUpdateKind } from '@kezhuan/shared';

export type DealUpdatePublisher = (dealId: string, what: DealUpdateKind) => void;

let publisher: DealUpdatePublisher = () => undefined;

export function setDealUpdatePublisher(p: DealUpdatePublisher): void {
  publisher = p;
}

export function publishDealUpdate(dealId: string, what: DealUpdateKind): void {
  publisher(dealId, what);
}

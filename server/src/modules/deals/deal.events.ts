/**
 * Telling clients that a part of a room changed (`deal:updated` over Socket.io): modules call
 * `publishDealUpdate` after a change; the realtime layer injects the publisher at start-up
 * (default no-op, so services and tests run without sockets).
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

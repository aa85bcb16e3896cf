import type { MeView } from '@kezhuan/shared';
import type { PairingSide } from '../../api/pairing-service';

/** Which side "my pairings" opens on: the enterprise's for enterprise members, the commissioner's otherwise. */
export function defaultPairingSide(user: Pick<MeView, 'role' | 'org'> | null): PairingSide {
  return user?.role === 'enterprise' || user?.org?.type === 'enterprise' ? 'enterprise' : 'commissioner';
}

/** Notifications after which pairings or their service have changed (a confirmed run, an answer, a service step). */
export function isPairingNotice(kind: string): boolean {
  return kind.startsWith('pairing.');
}

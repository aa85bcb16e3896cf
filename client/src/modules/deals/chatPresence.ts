import type { DealMessageView } from '@kezhuan/shared';
import { ref } from 'vue';
import type { DealChatSocket, Person } from './dealSocket';

interface PresenceContext {
  dealId: string;
  socket: DealChatSocket;
  me: () => string | null;
  /** The socket answers (typing goes only over it). */
  live: () => boolean;
  readOnly: () => boolean;
  /** The seq of a held message, null when it is not held. */
  seqOf: (messageId: string) => number | null;
}

/**
 * The people side of a room's chat: who is online, who is typing (my own typing sent at most every
 * 3 s and stopped after 4 s of quiet; others' dropped after 8 s without news) and how far each
 * participant has read (read receipts on my messages).
 */
export function chatPresence(ctx: PresenceContext) {
  const online = ref<Person[]>([]);
  const typing = ref<Person[]>([]);
  /** Each participant's read marker: message id and, once known, its seq. */
  const reads = ref(new Map<string, { user: Person; messageId: string; seq: number | null }>());
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let typingSentAt = 0;
  let typingStop: ReturnType<typeof setTimeout> | null = null;

  function noteTyping(): void {
    if (!ctx.live() || ctx.readOnly()) {
      return;
    }
    if (Date.now() - typingSentAt > 3000) {
      typingSentAt = Date.now();
      ctx.socket.emit('deal:typing', { dealId: ctx.dealId, typing: true });
    }
    if (typingStop) {
      clearTimeout(typingStop);
    }
    typingStop = setTimeout(stopTyping, 4000);
  }

  function stopTyping(): void {
    if (typingStop) {
      clearTimeout(typingStop);
      typingStop = null;
    }
    if (typingSentAt && ctx.live()) {
      ctx.socket.emit('deal:typing', { dealId: ctx.dealId, typing: false });
    }
    typingSentAt = 0;
  }

  function seeTyping(user: Person, on: boolean): void {
    const before = typingTimers.get(user.id);
    if (before) {
      clearTimeout(before);
      typingTimers.delete(user.id);
    }
    typing.value = typing.value.filter((u) => u.id !== user.id);
    if (on && user.id !== ctx.me()) {
      typing.value = [...typing.value, user];
      // A typist whose "stopped" got lost stops showing after a while.
      typingTimers.set(user.id, setTimeout(() => seeTyping(user, false), 8000));
    }
  }

  /** The markers the room's page carries (`reads` of the detail); live ones are newer and kept. */
  function seedReads(list: readonly { user: Person; messageId: string }[]): void {
    const next = new Map(reads.value);
    for (const r of list) {
      if (!next.has(r.user.id)) {
        next.set(r.user.id, { user: r.user, messageId: r.messageId, seq: ctx.seqOf(r.messageId) });
      }
    }
    reads.value = next;
  }

  function seeRead(user: Person, messageId: string, seq: number): void {
    const next = new Map(reads.value);
    next.set(user.id, { user, messageId, seq });
    reads.value = next;
  }

  /** Markers whose message was not held yet learn its seq once it is. */
  function learnSeqs(): void {
    for (const r of reads.value.values()) {
      r.seq ??= ctx.seqOf(r.messageId);
    }
  }

  /** Others who have read up to (at least) this message. */
  function readBy(m: DealMessageView): Person[] {
    return [...reads.value.values()].filter((r) => r.user.id !== ctx.me() && r.seq !== null && r.seq >= m.seq).map((r) => r.user);
  }

  /** The socket went quiet: nobody is known to be online or typing. */
  function forget(): void {
    online.value = [];
    typing.value = [];
  }

  function dispose(): void {
    for (const t of [typingStop, ...typingTimers.values()]) {
      if (t) {
        clearTimeout(t);
      }
    }
  }

  return { online, typing, reads, noteTyping, stopTyping, seeTyping, seedReads, seeRead, learnSeqs, readBy, forget, dispose };
}

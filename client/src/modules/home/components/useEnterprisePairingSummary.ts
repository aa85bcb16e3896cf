import type { PairingView, ServiceRequestView } from '@kezhuan/shared';
import { ref, shallowRef } from 'vue';
import { pairingsApi, serviceLogApi, serviceRequestsApi } from '../../../api/pairing-service';

/** How many accepted pairings the home page looks into for entries awaiting confirmation. */
const SERVICE_LOOKUPS = 10;

export interface AwaitingEntries {
  pairing: PairingView;
  count: number;
}

/**
 * What an enterprise member has to do in the 双千 programme: requests open for pairing, pairings
 * awaiting his answer, and logged entries awaiting his confirmation (of his latest accepted pairings).
 */
export function useEnterprisePairingSummary() {
  const openRequests = shallowRef<ServiceRequestView[]>([]);
  const openTotal = ref(0);
  const awaitingAnswer = shallowRef<PairingView[]>([]);
  const awaitingEntries = shallowRef<AwaitingEntries[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [requests, pairings] = await Promise.all([
        serviceRequestsApi.mine({ status: 'open', pageSize: 5 }),
        pairingsApi.mine('enterprise', { pageSize: 50 }),
      ]);
      openRequests.value = requests.items;
      openTotal.value = requests.total;
      awaitingAnswer.value = pairings.items.filter((p) => p.mayAnswer === 'enterprise');
      const accepted = pairings.items.filter((p) => p.status === 'accepted').slice(0, SERVICE_LOOKUPS);
      const services = await Promise.all(accepted.map((p) => serviceLogApi.get(p.id)));
      awaitingEntries.value = accepted
        .map((pairing, i) => ({ pairing, count: services[i]?.entries.filter((e) => e.status === 'logged').length ?? 0 }))
        .filter((x) => x.count > 0);
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  return { openRequests, openTotal, awaitingAnswer, awaitingEntries, loading, error, load };
}

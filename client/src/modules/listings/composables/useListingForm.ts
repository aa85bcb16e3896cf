import type { ListingStatus } from '@kezhuan/shared';
import { ElMessageBox } from 'element-plus';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { z } from 'zod';
import { useZodForm } from '../../../composables/useZodForm';
import { i18n } from '../../../i18n';
import { formatYuan } from '../../../utils/money';
import { changedKeys } from '../ownership';

/** What the form needs to know of a saved listing. */
export interface SavedListing {
  id: string;
  status: ListingStatus;
}

export interface ListingFormConfig<M extends object, F extends object, I extends object, V extends SavedListing> {
  /** The listing being edited; none when creating. */
  id?: string;
  empty: () => M;
  fromView: (view: V) => M;
  /** The API input the model stands for (validated by `schema`). */
  toInput: (model: M) => F;
  schema: z.ZodType<I>;
  /** Loads the owner's full view; null when the caller may not edit it. */
  load: (id: string) => Promise<V | null>;
  create: (input: I) => Promise<V>;
  update: (id: string, input: Partial<I>) => Promise<V>;
  submit: (id: string) => Promise<V>;
}

export type SaveOutcome =
  | { status: 'invalid' }
  /** The person chose to check an amount under 1 万元 again: nothing was saved. */
  | { status: 'kept' }
  | { status: 'saved'; id: string; submitted: boolean }
  | { status: 'failed'; error: unknown; id?: string };

/**
 * Amounts (price, budget bounds, in yuan) under 1 万元, usually 万元 typed as 元; on an edit only
 * those changed since the last save (`before`), so a confirmed amount is not questioned again.
 */
const AMOUNT_KEYS = ['price', 'budgetMin', 'budgetMax'] as const;
export function smallAmounts(input: object, before?: Record<string, unknown>): number[] {
  const rec = input as Record<string, unknown>;
  return AMOUNT_KEYS.filter((k) => !before || before[k] !== rec[k])
    .map((k) => rec[k])
    .filter((v): v is number => typeof v === 'number' && v > 0 && v < 10_000);
}

/** Asks whether small amounts are meant; true to save them. */
async function confirmSmallAmounts(amounts: number[]): Promise<boolean> {
  const { t } = i18n.global;
  try {
    await ElMessageBox.confirm(t('listing.smallAmount.message', { amounts: amounts.map((a) => formatYuan(a)).join('、') }), t('listing.smallAmount.title'), {
      type: 'warning',
      confirmButtonText: t('listing.smallAmount.save'),
      cancelButtonText: t('listing.smallAmount.edit'),
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Create and edit a listing with one form: validation with the shared schema (field errors from
 * the server land on the same fields), "save as draft" or "save and submit for review", and on an
 * edit only the changed fields are sent.
 */
export function useListingForm<M extends object, F extends object, I extends object, V extends SavedListing>(
  cfg: ListingFormConfig<M, F, I, V>,
) {
  const model = reactive(cfg.empty());
  // reactive() of a plain object reads like the object itself.
  const input = computed(() => cfg.toInput(model as M));
  const form = useZodForm(cfg.schema, input);
  const saved = shallowRef<V | null>(null);
  const loading = ref(false);
  const loadError = shallowRef<unknown>(null);
  const forbidden = ref(false);
  const saving = ref(false);
  let baseline: Record<string, unknown> = {};
  const snapshot = () => JSON.parse(JSON.stringify(input.value)) as Record<string, unknown>;

  async function load(): Promise<void> {
    if (!cfg.id) {
      baseline = {};
      return;
    }
    loading.value = true;
    loadError.value = null;
    try {
      const view = await cfg.load(cfg.id);
      forbidden.value = view === null;
      if (view) {
        saved.value = view;
        Object.assign(model, cfg.fromView(view));
        baseline = snapshot();
      }
    } catch (err) {
      loadError.value = err;
    } finally {
      loading.value = false;
    }
  }

  async function persist(data: I): Promise<V> {
    const current = saved.value;
    if (!current) {
      return cfg.create(data);
    }
    const keys = changedKeys(baseline, input.value as Record<string, unknown>);
    const changes = Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, (data as Record<string, unknown>)[k]]));
    return Object.keys(changes).length ? cfg.update(current.id, changes as Partial<I>) : current;
  }

  /** Validates and saves; with `submit`, a draft (or withdrawn listing) is then submitted for review. */
  async function save(submit: boolean): Promise<SaveOutcome> {
    const data = form.validate();
    if (!data) {
      return { status: 'invalid' };
    }
    const small = smallAmounts(data, saved.value ? baseline : undefined);
    if (small.length > 0 && !(await confirmSmallAmounts(small))) {
      return { status: 'kept' };
    }
    saving.value = true;
    let id = saved.value?.id;
    try {
      let view = await persist(data);
      id = view.id;
      saved.value = view;
      baseline = snapshot();
      const submittable = view.status === 'draft' || view.status === 'withdrawn';
      if (submit && submittable) {
        view = await cfg.submit(view.id);
        saved.value = view;
      }
      return { status: 'saved', id: view.id, submitted: view.status === 'submitted' };
    } catch (err) {
      form.applyServerError(err);
      return id ? { status: 'failed', error: err, id } : { status: 'failed', error: err };
    } finally {
      saving.value = false;
    }
  }

  return {
    model,
    input,
    errors: form.errors,
    saved,
    loading,
    loadError,
    forbidden,
    saving,
    editing: computed(() => Boolean(cfg.id)),
    load,
    save,
  };
}

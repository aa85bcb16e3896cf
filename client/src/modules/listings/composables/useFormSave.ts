import { ElMessage } from 'element-plus';
import { nextTick } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { errorText } from '../../../i18n';
import type { SaveOutcome } from './useListingForm';

/** What a form page does with the outcome of a save: messages, scrolling to errors, navigation. */
export function useFormSave(detailPath: (id: string) => string) {
  const { t } = useI18n();
  const router = useRouter();

  async function scrollToFirstError(): Promise<void> {
    await nextTick();
    document.querySelector('.el-form-item.is-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  async function handle(outcome: SaveOutcome): Promise<void> {
    switch (outcome.status) {
      case 'invalid':
        ElMessage.error(t('auth.formInvalid'));
        await scrollToFirstError();
        return;
      case 'kept':
        return; // the person went back to check an amount
      case 'saved':
        ElMessage.success(outcome.submitted ? t('listing.form.submitted') : t('listing.form.saved'));
        await router.push(detailPath(outcome.id));
        return;
      case 'failed':
        // Field errors from the server are on the form by now; other failures only have the message.
        ElMessage.error(errorText(outcome.error));
        await scrollToFirstError();
        return;
    }
  }

  return { handle };
}

import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { errorText } from '../i18n';

/**
 * Saving a form validated with `useZodForm` (the dialogs that create or edit one thing): validate,
 * send, say it was saved and hand over what the server answered; the server's field errors go back to
 * the fields, any other failure to a message. `saving` spins the button.
 */
export function useFormSave<D, R>(
  form: { validate(): D | null | undefined; applyServerError(err: unknown): boolean },
  send: (data: D) => Promise<R>,
  opts: { done: () => string; saved: (result: R) => void },
) {
  const saving = ref(false);
  async function save(): Promise<void> {
    const data = form.validate();
    if (!data) {
      return;
    }
    saving.value = true;
    try {
      const result = await send(data);
      ElMessage.success(opts.done());
      opts.saved(result);
    } catch (err) {
      if (!form.applyServerError(err)) {
        ElMessage.error(errorText(err));
      }
    } finally {
      saving.value = false;
    }
  }
  return { saving, save };
}

import elEn from 'element-plus/es/locale/lang/en';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import { computed } from 'vue';
import { i18n, setLocale, type Locale } from '../i18n';
import { useAuthStore } from '../modules/auth/store';

/** The UI language: vue-i18n and Element Plus together, remembered on the device and on the account. */
export function useLocale() {
  const auth = useAuthStore();
  const locale = computed<Locale>(() => i18n.global.locale.value);
  const elementLocale = computed(() => (locale.value === 'en' ? elEn : elZhCn));
  const otherLocale = computed<Locale>(() => (locale.value === 'en' ? 'zh-CN' : 'en'));

  async function switchTo(next: Locale): Promise<void> {
    await setLocale(next);
    if (auth.user && auth.user.locale !== next) {
      try {
        await auth.updateProfile({ locale: next });
      } catch {
        // The device keeps the choice even if the account could not be updated.
      }
    }
  }

  function toggle(): Promise<void> {
    return switchTo(otherLocale.value);
  }

  return { locale, elementLocale, otherLocale, switchTo, toggle };
}

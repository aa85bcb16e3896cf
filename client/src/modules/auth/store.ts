import type { ChangePasswordInput, LoginInput, MeView, ProfileUpdateInput, RegisterConfirmInput } from '@kezhuan/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getCsrfToken, onCsrfToken, onSessionRefreshed } from '../../api/client';
import { authApi, usersApi } from '../../api/endpoints';
import { currentLocale, setLocale, storedLocale } from '../../i18n';

/** The signed-in user and the session's CSRF token (kept by the API client, mirrored here). */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<MeView | null>(null);
  const csrfToken = ref(getCsrfToken());
  /** True once the first `GET /auth/session` has answered (or failed). */
  const loaded = ref(false);
  const loadError = ref<unknown>(null);

  onCsrfToken((token) => {
    csrfToken.value = token;
  });
  // The client re-reads the session on a stale CSRF token; the user may have been signed out meanwhile.
  onSessionRefreshed((session) => {
    user.value = session.user;
  });

  const signedIn = computed(() => user.value !== null);
  const role = computed(() => user.value?.role ?? null);
  const isAdmin = computed(() => role.value === 'admin');

  /** A device without its own language choice follows the account's. */
  function adoptAccountLocale(me: MeView | null): void {
    if (me && !storedLocale() && me.locale !== currentLocale()) {
      void setLocale(me.locale, false);
    }
  }

  async function load(): Promise<void> {
    try {
      const session = await authApi.session();
      user.value = session.user;
      loadError.value = null;
      adoptAccountLocale(session.user);
    } catch (err) {
      loadError.value = err;
      throw err;
    } finally {
      loaded.value = true;
    }
  }

  let firstLoad: Promise<void> | null = null;
  /** Loads the session once; later calls reuse the answer. Never throws (see `loadError`). */
  function ensureLoaded(): Promise<void> {
    firstLoad ??= load().catch(() => undefined);
    return firstLoad;
  }

  async function login(input: LoginInput): Promise<MeView | null> {
    const session = await authApi.login(input);
    user.value = session.user;
    adoptAccountLocale(session.user);
    return session.user;
  }

  /** Registration's second step (the form with the emailed code): the new account is signed in. */
  async function register(input: RegisterConfirmInput): Promise<MeView | null> {
    const session = await authApi.register(input);
    user.value = session.user;
    const locale = currentLocale();
    if (session.user && session.user.locale !== locale) {
      // Keep the language the person registered in; failure here is harmless.
      void updateProfile({ locale }).catch(() => undefined);
    }
    return session.user;
  }

  async function logout(): Promise<void> {
    await authApi.logout();
    user.value = null;
  }

  async function updateProfile(input: ProfileUpdateInput): Promise<MeView> {
    const me = await usersApi.updateMe(input);
    user.value = me;
    return me;
  }

  async function changePassword(input: ChangePasswordInput): Promise<MeView> {
    const me = await authApi.changePassword(input);
    user.value = me;
    return me;
  }

  return {
    user,
    csrfToken,
    loaded,
    loadError,
    signedIn,
    role,
    isAdmin,
    load,
    ensureLoaded,
    login,
    register,
    logout,
    updateProfile,
    changePassword,
  };
});

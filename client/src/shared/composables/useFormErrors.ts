import { ref } from 'vue';
import type { AppError, ErrorCode } from '@/shared/graphql/errors';
import { useLocale, useT } from '@/shared/i18n';

/**
 * Error state of one form: errors the server tied to one of `fields` go next to
 * that field, everything else becomes a banner (a translated text chosen by
 * code, see ErrorBanner).
 *
 * The API writes its messages in English. They are the most precise reason, so
 * the English UI shows them as they are; other languages get a translated text
 * by code, the field itself says what to look at.
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const { t } = useT();
  const locale = useLocale();
  const fieldErrors = ref<Partial<Record<F, string>>>({});
  const bannerCode = ref<ErrorCode | null>(null);

  function isField(name: string | null): name is F {
    return name !== null && (fields as readonly string[]).includes(name);
  }

  function fieldMessage(error: AppError): string {
    if (locale.value === 'en' && error.message) return error.message;
    return error.code === 'CONFLICT' ? t('fieldErrors.conflict') : t('fieldErrors.invalid');
  }

  function clear(): void {
    fieldErrors.value = {};
    bannerCode.value = null;
  }

  function show(error: AppError): void {
    clear();
    if (isField(error.field)) {
      fieldErrors.value = { [error.field]: fieldMessage(error) } as Partial<Record<F, string>>;
    } else {
      bannerCode.value = error.code;
    }
  }

  return { fieldErrors, bannerCode, clear, show };
}

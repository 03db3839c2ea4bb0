import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../domain/validation';

/**
 * Lists what stops a save, announced to screen readers. Each entry moves focus to its field when
 * the form gave the field an id of `${idPrefix}${path}` (dots replaced by dashes). Buttons, not
 * links: the location hash is the app's route.
 */
function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const focusable = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  (focusable ?? target).focus();
  target.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({
  errors,
  idPrefix = '',
}: {
  errors: readonly FieldError[];
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  const unique = errors.filter(
    (e, i) => errors.findIndex((o) => o.key === e.key && o.path === e.path) === i,
  );
  return (
    <div className="error-summary" role="alert" data-testid="error-summary">
      <h2>{t('form.errorsTitle', { count: unique.length })}</h2>
      <ul>
        {unique.map((e) => (
          <li key={`${e.path}:${e.key}`}>
            <button
              type="button"
              className="link-button"
              onClick={() => focusField(`${idPrefix}${e.path.replace(/\./g, '-')}`)}
            >
              {t(e.key)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

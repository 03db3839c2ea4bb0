import { useTranslation } from 'react-i18next';
import { useUpdateStore } from './updateStore';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const applyUpdate = useUpdateStore((s) => s.applyUpdate);
  const dismiss = useUpdateStore((s) => s.dismiss);
  if (!applyUpdate) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="button primary" onClick={applyUpdate}>
        {t('update.reload')}
      </button>
      <button type="button" className="button" onClick={dismiss}>
        {t('update.later')}
      </button>
    </div>
  );
}

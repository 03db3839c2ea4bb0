import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';

/** Shown instead of an organisation's screens when it does not exist (any more) on this device. */
export function OrganisationUnavailable({ deleted }: { deleted: boolean }) {
  const { t } = useTranslation('organisations');
  return (
    <div className="card" role="alert">
      <p>{deleted ? t('profile.deleted') : t('profile.notFound')}</p>
      <a className="button" href={hrefOf({ name: 'organisations' })}>
        {t('profile.backToList')}
      </a>
    </div>
  );
}

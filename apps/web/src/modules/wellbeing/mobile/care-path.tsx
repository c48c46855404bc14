import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TWellbeingSettings, useOneClickConsultation } from '../api';
import { pick, type TAudience, telHref } from '../format';
import { MEMBER_LOGIN } from '../paths';
import { ErrorNote } from './parts';

/**
 * The one-click request for a consultation: nothing but "please contact me" goes out (no
 * result, no message); afterwards, where to follow it.
 */
export function ConsultButton({ primary = true }: { primary?: boolean }) {
  const { t } = useTranslation('wellbeing');
  const ask = useOneClickConsultation();
  if (ask.isSuccess)
    return (
      <div className="m-alert m-alert-success m-wb-stack" role="status" data-testid="consult-sent">
        <p>{t('care.sent')}</p>
        <Link to="/m/counselling" className="m-wb-link">
          {t('care.sentLink')}
        </Link>
      </div>
    );
  return (
    <>
      <ErrorNote error={ask.error} />
      <button
        type="button"
        className={
          primary ? 'm-button m-button-primary m-button-block' : 'm-button m-wb-secondary m-button-block'
        }
        onClick={() => ask.mutate()}
        disabled={ask.isPending}
        data-testid="consult-button"
      >
        {ask.isPending ? t('care.sending') : t('care.consult')}
      </button>
    </>
  );
}

/**
 * On the public self-check, in place of the one-click request (which needs an account): a line
 * inviting employees to log in for it.
 */
function LoginInvite({ text }: { text: string }) {
  const { t } = useTranslation('wellbeing');
  return (
    <p className="m-small" data-testid="login-invite">
      {text}{' '}
      <Link to={MEMBER_LOGIN} className="m-wb-link">
        {t('public.login')}
      </Link>
    </p>
  );
}

/**
 * What shows at once when a result calls for it: the configured help message and contacts
 * (tap to call) and, for a member, the one-click request. It says plainly that nobody is told.
 */
export function CarePath({
  settings,
  audience = 'member',
}: {
  settings: TWellbeingSettings;
  audience?: TAudience;
}) {
  const { t, i18n } = useTranslation('wellbeing');
  const message = pick(settings.help.message, i18n.language).trim();
  return (
    <section className="m-card m-wb-care" data-testid="care-path" aria-labelledby="wb-care-title">
      <h2 id="wb-care-title">{t('care.title')}</h2>
      <p>{message || t('care.defaultMessage')}</p>
      {settings.help.contacts.length > 0 && (
        <ul className="m-wb-contacts">
          {settings.help.contacts.map((c) => (
            <li key={`${c.name}-${c.phone}`}>
              <span className="m-row-text">
                <strong>{c.name}</strong>
                {c.hours && <span className="m-small">{c.hours}</span>}
              </span>
              <a
                href={telHref(c.phone)}
                className="m-wb-call"
                aria-label={t('care.call', { name: c.name, phone: c.phone })}
              >
                {c.phone}
              </a>
            </li>
          ))}
        </ul>
      )}
      {audience === 'public' ? (
        <LoginInvite text={t('public.careLogin')} />
      ) : (
        <>
          <p className="m-small">{t('care.consultLead')}</p>
          <ConsultButton />
        </>
      )}
      <p className="m-small m-wb-care-private">
        {audience === 'public' ? t('public.carePrivate') : t('care.private')}
      </p>
    </section>
  );
}

/** A quieter offer under every other result: someone to talk to, if one wishes. */
export function TalkOffer({ audience = 'member' }: { audience?: TAudience }) {
  const { t } = useTranslation('wellbeing');
  if (audience === 'public')
    return (
      <section className="m-card m-wb-stack" data-testid="talk-offer">
        <h3>{t('care.talkTitle')}</h3>
        <LoginInvite text={t('public.talkBody')} />
      </section>
    );
  return (
    <section className="m-card m-wb-stack" data-testid="talk-offer">
      <h3>{t('care.talkTitle')}</h3>
      <p className="m-muted m-small">{t('care.talkBody')}</p>
      <ConsultButton primary={false} />
      <p className="m-muted m-small">{t('care.private')}</p>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me';
import { forgetTracked, isTracked, rememberTracked } from '../tracking';
import { HotlineNav } from './parts';
import type { TTrackState } from './track-form';

/** Copies a text; where the Clipboard API is missing (plain http), through a selected field. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the old way.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  field.setSelectionRange(0, text.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

/** One value to keep, large, with a copy button that says when it worked. */
function KeepValue({
  label,
  value,
  shown = value,
  testId,
}: {
  label: string;
  value: string;
  /** How it is drawn (the secret in groups of four, easier to write down); copying takes `value`. */
  shown?: string;
  testId: string;
}) {
  const { t } = useTranslation('hotline');
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="m-hl-keep">
      <span className="m-small m-muted">{label}</span>
      <code className="m-hl-keep-value" data-testid={testId}>
        {shown}
      </code>
      <button
        type="button"
        className="m-button m-button-danger"
        onClick={() => void copyText(value).then(setCopied)}
        data-testid={`${testId}-copy`}
      >
        {copied ? t('filed.copied') : t('filed.copy')}
      </button>
      {copied === false && <span className="m-small m-muted">{t('filed.copyFailed')}</span>}
    </div>
  );
}

/**
 * After filing anonymously: the tracking code and the secret, shown this once. Nothing ties the
 * item to the account, so without them nobody (not even the hotline office) can find it again
 * for the reporter.
 */
export function FiledAnonymous({ code, secret, title }: { code: string; secret: string; title: string }) {
  const { t } = useTranslation('hotline');
  const personId = useMe().data?.person.id;
  const [remembered, setRemembered] = useState(() => (personId ? isTracked(personId, code) : false));
  const state: TTrackState = { code, secret, remember: false };
  return (
    <>
      <HotlineNav />
      <section className="m-card m-hl-filed" data-testid="filed-anonymous">
        <h2>{t('filed.title')}</h2>
        <p className="m-alert m-alert-warning" role="alert" data-testid="secret-warning">
          {t('filed.warning')}
        </p>
        <KeepValue label={t('filed.code')} value={code} testId="filed-code" />
        <KeepValue
          label={t('filed.secret')}
          value={secret}
          shown={secret.match(/.{1,4}/g)?.join(' ') ?? secret}
          testId="filed-secret"
        />
        <p className="m-small m-muted">{t('filed.how')}</p>
        {personId && (
          <label className="m-hl-check">
            <input
              type="checkbox"
              checked={remembered}
              onChange={(e) => {
                if (e.target.checked) rememberTracked(personId, { code, secret, title });
                else forgetTracked(personId, code);
                setRemembered(e.target.checked);
              }}
              data-testid="filed-remember"
            />
            <span>
              {t('track.remember')}
              <small className="m-muted">{t('track.rememberHint')}</small>
            </span>
          </label>
        )}
        <Link
          to="/m/hotline/track"
          state={state}
          className="m-button m-button-primary m-button-block"
          data-testid="filed-follow"
        >
          {t('filed.follow')}
        </Link>
        <Link to="/m/hotline" className="m-button m-button-danger m-button-block">
          {t('filed.done')}
        </Link>
      </section>
    </>
  );
}

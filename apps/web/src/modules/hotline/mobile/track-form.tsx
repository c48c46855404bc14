import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { forgetTracked, loadTracked, type TTracked } from '../tracking';
import { Problem } from './parts';

/** What the track page is opened with: the code and secret, and whether to keep them here. */
export type TTrackState = { code: string; secret: string; remember: boolean };

/** A code or secret as typed: without the spaces of grouping or a paste, in capitals. */
export function normaliseKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The server's shapes: KX261123-7QH4M, and 24 letters and digits (no 0, 1, I or O). */
const CODE = /^KX\d{6}-[A-Z2-9]{5}$/;
const SECRET = /^[A-Z2-9]{24}$/;

/**
 * "Follow an anonymous item": the tracking code and the secret. Ticking "remember" keeps them in
 * this browser only (once the item has opened), never on the server.
 */
export function TrackForm({ onOpen }: { onOpen?: (state: TTrackState) => void }) {
  const { t } = useTranslation('hotline');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const state = { code: normaliseKey(code), secret: normaliseKey(secret), remember };
    if (!state.code || !state.secret) return setInvalid(t('track.needBoth'));
    if (!CODE.test(state.code)) return setInvalid(t('track.badCode'));
    if (!SECRET.test(state.secret)) return setInvalid(t('track.badSecret'));
    setInvalid(null);
    if (onOpen) onOpen(state);
    else void navigate('/m/hotline/track', { state });
  };
  return (
    <form className="m-card m-form m-hl-track-form" onSubmit={onSubmit} noValidate data-testid="track-form">
      <h3 className="m-hl-subtitle">{t('track.title')}</h3>
      <p className="m-muted m-small">{t('track.body')}</p>
      <label className="m-field">
        <span>{t('track.code')}</span>
        <input
          value={code}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('track.codePlaceholder')}
          onChange={(e) => setCode(e.target.value)}
          data-testid="track-code"
        />
      </label>
      <label className="m-field">
        <span>{t('track.secret')}</span>
        <input
          className="m-hl-code"
          value={secret}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setSecret(e.target.value)}
          data-testid="track-secret"
        />
      </label>
      <label className="m-hl-check">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          data-testid="track-remember"
        />
        <span>
          {t('track.remember')}
          <small className="m-muted">{t('track.rememberHint')}</small>
        </span>
      </label>
      <Problem text={invalid} />
      <button type="submit" className="m-button m-button-primary" data-testid="track-open">
        {t('track.open')}
      </button>
    </form>
  );
}

/** The anonymous items remembered on this phone, each to open or forget. */
export function RememberedList({ onOpen }: { onOpen?: (state: TTrackState) => void }) {
  const { t } = useTranslation('hotline');
  const navigate = useNavigate();
  const personId = useMe().data?.person.id;
  const [list, setList] = useState<TTracked[]>(() => (personId ? loadTracked(personId) : []));
  if (!personId || list.length === 0) return null;
  const open = (entry: TTracked) => {
    const state = { code: entry.code, secret: entry.secret, remember: true };
    if (onOpen) onOpen(state);
    else void navigate('/m/hotline/track', { state });
  };
  return (
    <section className="m-card m-hl-remembered" data-testid="remembered">
      <h3 className="m-hl-subtitle">{t('track.remembered')}</h3>
      <ul className="m-cards">
        {list.map((entry) => (
          <li key={entry.code} className="m-hl-remembered-row">
            <button
              type="button"
              className="m-hl-remembered-open"
              onClick={() => open(entry)}
              data-testid={`remembered-${entry.code}`}
            >
              <strong className="m-hl-code">{entry.code}</strong>
              {entry.title && <span className="m-small">{entry.title}</span>}
            </button>
            <button
              type="button"
              className="m-link-button"
              onClick={() => {
                forgetTracked(personId, entry.code);
                setList(loadTracked(personId));
              }}
            >
              {t('track.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

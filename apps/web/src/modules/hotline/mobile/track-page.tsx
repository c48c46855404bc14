import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../../api/me';
import { type TItemSource, useItem } from '../api';
import { rememberTracked } from '../tracking';
import { ItemView } from './item-view';
import { BackLink, HotlineNav, PrivacyNote, QueryState } from './parts';
import { RememberedList, TrackForm, type TTrackState } from './track-form';

/** The anonymous item itself, once code and secret are given. */
function Tracked({ state, onOther }: { state: TTrackState; onOther: () => void }) {
  const { t } = useTranslation('hotline');
  const personId = useMe().data?.person.id;
  const source: TItemSource = useMemo(
    () => ({ kind: 'track', code: state.code, secret: state.secret }),
    [state.code, state.secret],
  );
  const item = useItem(source);
  const title = item.data?.title;
  // Kept on this phone only when asked, and only once the pair has proved right.
  useEffect(() => {
    if (state.remember && personId && title !== undefined)
      rememberTracked(personId, { code: state.code, secret: state.secret, title });
  }, [state, personId, title]);
  return (
    <>
      <div className="m-hl-track-bar">
        <span className="m-small m-muted">{t('track.following', { code: state.code })}</span>
        <button type="button" className="m-link-button" onClick={onOther} data-testid="track-other">
          {t('track.other')}
        </button>
      </div>
      {!item.data ? (
        <QueryState
          error={item.error}
          onRetry={() => void item.refetch()}
          notFound={
            <section className="m-card m-empty" data-testid="track-not-found">
              <h4>{t('track.notFoundTitle')}</h4>
              <p className="m-muted">{t('track.notFoundBody')}</p>
              <button type="button" className="m-button m-button-primary" onClick={onOther}>
                {t('track.again')}
              </button>
            </section>
          }
        />
      ) : (
        <ItemView source={source} item={item.data} />
      )}
    </>
  );
}

/**
 * /m/hotline/track — follow an anonymous item by its code and secret. They come from the form
 * here, from the home page or from the filing screen (in the router's state, never in the
 * address); the page forgets them from the history entry at once.
 */
export function TrackPage() {
  const { t } = useTranslation('hotline');
  const location = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<TTrackState | null>(() => {
    const s = location.state as Partial<TTrackState> | null;
    return s?.code && s.secret ? { code: s.code, secret: s.secret, remember: !!s.remember } : null;
  });
  useEffect(() => {
    if (location.state) void navigate('.', { replace: true, state: null });
  }, [location.state, navigate]);
  return (
    <>
      <HotlineNav />
      <BackLink to="/m/hotline">{t('nav.home')}</BackLink>
      {state ? (
        <Tracked key={`${state.code}\n${state.secret}`} state={state} onOther={() => setState(null)} />
      ) : (
        <>
          <PrivacyNote>{t('track.privacy')}</PrivacyNote>
          <RememberedList onOpen={setState} />
          <TrackForm onOpen={setState} />
        </>
      )}
    </>
  );
}

import type { TAvailabilitySlot, TCoachKind } from '@lifeline/shared';
import { COACH_KINDS } from '@lifeline/shared';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import {
  type TCoachProfile,
  useMyProfile,
  useReloadProfile,
  useSaveAvailability,
  useSaveProfile,
  useUploadPhoto,
} from '../api';
import { coachKindLabel, slotProblems, type TSlotProblem, WEEKDAYS, weekdayName } from '../format';
import { CoachPhoto } from './coaches-page';
import { CounsellingNav, problemText, QueryState } from './parts';
import { TagInput } from './tag-input';

const MAX_BIO = 1000;
const MAX_TAG = 30;
const MAX_SPECIALITIES = 12;
const MAX_LANGUAGES = 8;
const MAX_SLOTS = 42;
const MAX_PHOTO_MB = 2;

/** What a page-level notice says after a save or a conflict. */
type Notice = { kind: 'success' | 'warning'; text: string } | null;

/**
 * Handles a failed save: a 409 reloads the profile and says someone changed it; anything else is
 * returned as the text to show by the form.
 */
function useSaveFailure(setNotice: (n: Notice) => void) {
  const { t } = useTranslation(['counselling', 'errors']);
  const reload = useReloadProfile();
  return (error: unknown): string | null => {
    if (error instanceof ApiError && error.code === 'conflict') {
      // The notice says the latest version has been loaded: it appears once it has, so that
      // saving again right after it sends the new version.
      void reload().finally(() => setNotice({ kind: 'warning', text: t('profile.conflict') }));
      return null;
    }
    return problemText(t, error);
  };
}

/** The profile's own fields: kind, specialities, languages, bio, and whether I take requests. */
function ProfileForm({ profile, setNotice }: { profile: TCoachProfile; setNotice: (n: Notice) => void }) {
  const { t, i18n } = useTranslation(['counselling', 'errors']);
  const lang = i18n.language;
  const save = useSaveProfile();
  const failed = useSaveFailure(setNotice);
  const [kind, setKind] = useState<TCoachKind>(profile.kind);
  const [specialities, setSpecialities] = useState<string[]>(profile.specialities);
  const [languages, setLanguages] = useState<string[]>(profile.languages);
  const [bio, setBio] = useState(profile.bio);
  const [active, setActive] = useState(profile.active);
  const [problem, setProblem] = useState<string | null>(null);
  const [languagesMissing, setLanguagesMissing] = useState(false);
  const current = useMyProfile().data ?? profile;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (languages.length === 0) {
      setLanguagesMissing(true);
      return setProblem(t('profile.needLanguage'));
    }
    if (bio.trim().length > MAX_BIO) return setProblem(t('profile.bioTooLong', { max: MAX_BIO }));
    setLanguagesMissing(false);
    setProblem(null);
    save.mutate(
      { kind, specialities, languages, bio: bio.trim(), active, version: current.version },
      {
        onSuccess: () => setNotice({ kind: 'success', text: t('profile.saved') }),
        onError: (error) => setProblem(failed(error)),
      },
    );
  };

  return (
    <form
      className="m-card m-form m-cs-profile-form"
      onSubmit={onSubmit}
      noValidate
      data-testid="profile-form"
    >
      <h3 className="m-cs-subtitle">{t('profile.about')}</h3>
      <fieldset className="m-cs-fieldset">
        <legend className="m-cs-legend">{t('profile.kind')}</legend>
        <div className="m-segmented">
          {COACH_KINDS.map((k) => (
            <label key={k.code} className={kind === k.code ? 'm-segmented-on' : undefined}>
              <input
                type="radio"
                name="coach-kind"
                value={k.code}
                checked={kind === k.code}
                onChange={() => setKind(k.code)}
              />
              {coachKindLabel(k.code, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      <TagInput
        label={t('coach.specialities')}
        value={specialities}
        onChange={setSpecialities}
        max={MAX_SPECIALITIES}
        maxLength={MAX_TAG}
        placeholder={t('profile.specialitiesPlaceholder')}
        testId="specialities"
      />
      <TagInput
        label={t('coach.languages')}
        value={languages}
        onChange={(v) => {
          setLanguages(v);
          if (v.length) setLanguagesMissing(false);
        }}
        max={MAX_LANGUAGES}
        maxLength={MAX_TAG}
        placeholder={t('profile.languagesPlaceholder')}
        testId="languages"
        invalid={languagesMissing}
      />
      <label className="m-field">
        <span>{t('profile.bio')}</span>
        <textarea
          className="m-textarea"
          rows={5}
          value={bio}
          placeholder={t('profile.bioPlaceholder')}
          onChange={(e) => setBio(e.target.value)}
          data-testid="bio"
        />
        <span className={bio.trim().length > MAX_BIO ? 'm-small m-over' : 'm-muted m-small'}>
          {bio.trim().length}/{MAX_BIO}
        </span>
      </label>
      <label className="m-cs-switch">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <span className="m-cs-switch-track" aria-hidden="true" />
        <span className="m-cs-switch-text">
          <span>{t('profile.active')}</span>
          <span className="m-muted m-small">{active ? t('profile.activeOn') : t('profile.activeOff')}</span>
        </span>
      </label>
      {problem && (
        <p className="m-alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="m-button m-button-primary m-button-block" disabled={save.isPending}>
        {save.isPending ? t('form.saving') : t('profile.save')}
      </button>
    </form>
  );
}

/** My photo: what employees see beside my name; replaced by choosing another image. */
function PhotoForm({ profile, setNotice }: { profile: TCoachProfile; setNotice: (n: Notice) => void }) {
  const { t } = useTranslation(['counselling', 'errors']);
  const upload = useUploadPhoto();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setNotice(null);
    if (!file.type.startsWith('image/')) return setProblem(t('photo.notImage'));
    if (file.size > MAX_PHOTO_MB * 1024 * 1024) return setProblem(t('photo.tooLarge', { max: MAX_PHOTO_MB }));
    setProblem(null);
    upload.mutate(file, {
      onSuccess: () => setNotice({ kind: 'success', text: t('photo.saved') }),
      onError: (error) => setProblem(problemText(t, error)),
    });
  };
  return (
    <section className="m-card m-cs-photo-form" data-testid="photo-form">
      <CoachPhoto coach={profile} size={88} />
      <div className="m-cs-photo-side">
        <h3 className="m-cs-subtitle">{t('photo.title')}</h3>
        <p className="m-muted m-small">{t('photo.hint')}</p>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="m-sr-only"
          onChange={onChange}
          data-testid="photo-input"
          tabIndex={-1}
        />
        <button
          type="button"
          className="m-button m-button-danger"
          disabled={upload.isPending}
          onClick={() => input.current?.click()}
        >
          {upload.isPending
            ? t('photo.uploading')
            : profile.hasPhoto
              ? t('photo.replace')
              : t('photo.choose')}
        </button>
        {problem && (
          <p className="m-alert" role="alert">
            {problem}
          </p>
        )}
      </div>
    </section>
  );
}

/** The text of one slot problem found here or by the server. */
function slotProblemText(t: TFunction, p: TSlotProblem, lang: string): string {
  if (p.kind === 'order') return t('availability.endBeforeStart');
  if (p.kind === 'time') return t('availability.badTime');
  return t('availability.overlap', { day: weekdayName(p.weekday, lang) });
}

/**
 * The server's `validation_failed` issues as slot problems: `body.slots.N.end` is a slot that
 * ends before it starts, a message about an overlap names the weekday.
 */
function serverSlotProblems(error: unknown, slots: readonly TAvailabilitySlot[]): TSlotProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const issues = (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  const out: TSlotProblem[] = [];
  for (const issue of issues) {
    const path = String(issue.path ?? '');
    const message = String(issue.message ?? '');
    const at = /slots\.(\d+)/.exec(path);
    const index = at ? Number(at[1]) : -1;
    const overlapDay = /overlap\D*(\d)/i.exec(message);
    if (overlapDay) {
      const weekday = Number(overlapDay[1]);
      const row = slots.findIndex((s) => s.weekday === weekday);
      out.push({ kind: 'overlap', index: Math.max(row, 0), weekday });
    } else if (index >= 0 && /end|start/i.test(path + message)) out.push({ kind: 'order', index });
    else if (index >= 0) out.push({ kind: 'time', index });
  }
  return out;
}

/** A slot being edited, with an id for React. */
type Row = TAvailabilitySlot & { id: number };

/** A fresh slot: the day after the last one, at the last one's times (or Monday morning). */
function nextSlot(slots: readonly TAvailabilitySlot[]): TAvailabilitySlot {
  const last = slots[slots.length - 1];
  if (!last) return { weekday: 1, start: '09:00', end: '11:00' };
  return { weekday: last.weekday === 7 ? 1 : last.weekday + 1, start: last.start, end: last.end };
}

/** My weekly hours (Beijing time): one row per slot, checked for order and overlaps. */
function AvailabilityEditor({
  profile,
  setNotice,
}: {
  profile: TCoachProfile;
  setNotice: (n: Notice) => void;
}) {
  const { t, i18n } = useTranslation(['counselling', 'errors']);
  const lang = i18n.language;
  const save = useSaveAvailability();
  const failed = useSaveFailure(setNotice);
  const current = useMyProfile().data ?? profile;
  // Each row keeps an id of its own, so React keeps its inputs when another row is removed.
  const nextId = useRef(0);
  const withId = (slot: TAvailabilitySlot): Row => ({ ...slot, id: nextId.current++ });
  const [rows, setRows] = useState<Row[]>(() => profile.availability.map(withId));
  const slots: TAvailabilitySlot[] = rows.map(({ weekday, start, end }) => ({ weekday, start, end }));
  const [problems, setProblems] = useState<TSlotProblem[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const update = (index: number, patch: Partial<TAvailabilitySlot>) => {
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setProblems([]);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setProblem(null);
    const found = slotProblems(slots);
    setProblems(found);
    if (found.length) return;
    save.mutate(
      { slots, version: current.version },
      {
        onSuccess: () => setNotice({ kind: 'success', text: t('availability.saved') }),
        onError: (error) => {
          const fromServer = serverSlotProblems(error, slots);
          if (fromServer.length) setProblems(fromServer);
          else setProblem(failed(error));
        },
      },
    );
  };

  return (
    <form
      className="m-card m-form m-cs-availability"
      onSubmit={onSubmit}
      noValidate
      data-testid="availability-form"
    >
      <h3 className="m-cs-subtitle">{t('availability.title')}</h3>
      <p className="m-muted m-small">{t('availability.hint')}</p>
      {slots.length === 0 ? (
        <p className="m-muted" data-testid="no-slots">
          {t('availability.none')}
        </p>
      ) : (
        <ul className="m-cs-slots">
          {rows.map((s, i) => {
            const mine = problems.filter((p) => p.index === i);
            return (
              <li
                key={s.id}
                className={mine.length ? 'm-cs-slot m-cs-slot-bad' : 'm-cs-slot'}
                data-testid="slot"
              >
                <div className="m-cs-slot-fields">
                  <select
                    aria-label={t('availability.weekday')}
                    value={s.weekday}
                    onChange={(e) => update(i, { weekday: Number(e.target.value) })}
                  >
                    {WEEKDAYS.map((d) => (
                      <option key={d} value={d}>
                        {weekdayName(d, lang)}
                      </option>
                    ))}
                  </select>
                  <input
                    type="time"
                    aria-label={t('availability.start')}
                    value={s.start}
                    step={900}
                    onChange={(e) => update(i, { start: e.target.value })}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    aria-label={t('availability.end')}
                    value={s.end}
                    step={900}
                    onChange={(e) => update(i, { end: e.target.value })}
                  />
                  <button
                    type="button"
                    className="m-link-button m-cs-slot-remove"
                    onClick={() => {
                      setRows(rows.filter((_, j) => j !== i));
                      setProblems([]);
                    }}
                  >
                    {t('availability.remove')}
                  </button>
                </div>
                {mine.map((p) => (
                  <p key={p.kind} className="m-cs-slot-problem" role="alert">
                    {slotProblemText(t, p, lang)}
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="m-button m-button-danger"
        disabled={slots.length >= MAX_SLOTS}
        onClick={() => {
          setRows([...rows, withId(nextSlot(slots))]);
          setProblems([]);
        }}
        data-testid="add-slot"
      >
        {t('availability.add')}
      </button>
      {problem && (
        <p className="m-alert" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="m-button m-button-primary m-button-block" disabled={save.isPending}>
        {save.isPending ? t('form.saving') : t('availability.save')}
      </button>
    </form>
  );
}

/** /m/counselling/profile — my coach profile as employees see it, my photo and my weekly hours. */
export function ProfilePage() {
  const { t } = useTranslation('counselling');
  const profile = useMyProfile();
  const [notice, setNotice] = useState<Notice>(null);
  const p = profile.data;
  // Each form starts again from the server's values when they change (a save, a reload after a
  // conflict), but not when only the other form was saved.
  const aboutKey = p ? JSON.stringify([p.kind, p.specialities, p.languages, p.bio, p.active]) : '';
  const weekKey = p ? JSON.stringify(p.availability) : '';
  return (
    <>
      <CounsellingNav />
      {!p ? (
        <QueryState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          {p.version === 0 && (
            <p className="m-alert m-alert-warning" data-testid="profile-new">
              {t('profile.first')}
            </p>
          )}
          {p.version > 0 && !p.active && <p className="m-alert m-alert-warning">{t('profile.inactive')}</p>}
          {notice && (
            <p
              className={notice.kind === 'success' ? 'm-alert m-alert-success' : 'm-alert m-alert-warning'}
              role="status"
              data-testid="profile-notice"
            >
              {notice.text}
            </p>
          )}
          <PhotoForm profile={p} setNotice={setNotice} />
          <ProfileForm key={aboutKey} profile={p} setNotice={setNotice} />
          <AvailabilityEditor key={weekKey} profile={p} setNotice={setNotice} />
        </>
      )}
    </>
  );
}

import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/api-error';
import { useMe } from '../../../api/me';
import {
  type THotlineFiled,
  type THotlineItemInput,
  type THotlineUrgency,
  type THotlineVisibility,
  useCategories,
  useFileItem,
} from '../api';
import { categoryLabel, urgencyLabel, visibilityLabel } from '../format';
import { FiledAnonymous } from './filed-anonymous';
import { BackLink, HotlineNav, issueFields, issues, PrivacyNote, problemText, QueryState } from './parts';
import { PhotoPicker } from './photo-picker';
import { SimilarItems } from './similar-items';
import { type TPickedUnit, UnitPicker } from './unit-picker';

const TITLE = { min: 4, max: 80 };
const DESCRIPTION = { min: 10, max: 4000 };
const URGENCIES: THotlineUrgency[] = ['normal', 'urgent', 'immediate'];
const VISIBILITIES: THotlineVisibility[] = ['named', 'confidential', 'anonymous'];

type Field = 'category' | 'unitId' | 'title' | 'description' | 'urgency' | 'visibility' | 'photo';
type Problems = Partial<Record<Field | 'form', string>>;

/** A field's problem under it, tied to the input for screen readers. */
function FieldProblem({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p className="m-hl-field-problem" id={id} role="alert" data-testid={`problem-${id.replace('p-', '')}`}>
      {text}
    </p>
  );
}

/** Choices shown as cards with a line explaining each (urgency, visibility). */
function ChoiceCards<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  label,
  explain,
}: {
  name: string;
  legend: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  label: (value: T) => string;
  explain: (value: T) => string;
}) {
  return (
    <fieldset className="m-hl-choices" data-testid={`${name}-choices`}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className={o === value ? 'm-hl-choice m-hl-choice-on' : 'm-hl-choice'}>
          <input
            type="radio"
            name={name}
            value={o}
            checked={o === value}
            onChange={() => onChange(o)}
            data-testid={`${name}-${o}`}
          />
          <span>
            <strong>{label(o)}</strong>
            <small>{explain(o)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** What the server said about the fields, in our words (its own messages are English). */
function serverProblems(t: TFunction, error: unknown): Problems {
  const out: Problems = {};
  if (
    error instanceof ApiError &&
    (error.code === 'payload_too_large' || error.code === 'unsupported_media_type')
  )
    return { photo: t(`new.invalid.${error.code}`) };
  const fields = issueFields(error);
  if (fields.size === 0) return error ? { form: problemText(t, error) } : {};
  if (fields.has('category')) out.category = t('new.invalid.category');
  if (fields.has('unitId'))
    out.unitId =
      ((error as ApiError).details as { reason?: unknown } | undefined)?.reason === 'unit_dissolved'
        ? t('new.invalid.unitDissolved')
        : t('new.invalid.unit');
  if (fields.has('title')) out.title = t('new.invalid.title', TITLE);
  if (fields.has('description')) out.description = t('new.invalid.description', DESCRIPTION);
  if (fields.has('urgency')) out.urgency = t('new.invalid.choice');
  if (fields.has('visibility')) out.visibility = t('new.invalid.choice');
  if (fields.has('photo')) out.photo = t('new.invalid.photo');
  const known = new Set<string>([
    'category',
    'unitId',
    'title',
    'description',
    'urgency',
    'visibility',
    'photo',
  ]);
  const other = issues(error).filter((i) => !known.has(i.path.split('.').pop() ?? ''));
  if (other.length)
    out.form = `${t('new.invalid.other')} ${other.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return out;
}

/**
 * /m/hotline/new — raise a problem: category, the unit concerned (mine by default), title (with
 * similar open items to say "me too" to), description, urgency, photos, who may see who I am, and
 * whether it may appear on the public board once answered.
 */
export function NewPage() {
  const { t, i18n } = useTranslation(['hotline', 'errors']);
  const lang = i18n.language;
  const navigate = useNavigate();
  const me = useMe().data;
  const categories = useCategories();
  const file = useFileItem();
  const own: TPickedUnit | null = me ? { id: me.person.unitId, name: me.person.unitName } : null;

  const [category, setCategory] = useState('');
  const [unit, setUnit] = useState<TPickedUnit | null>(own);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<THotlineUrgency>('normal');
  const [visibility, setVisibility] = useState<THotlineVisibility>('named');
  const [publishConsent, setPublishConsent] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [filed, setFiled] = useState<{ filed: THotlineFiled; title: string } | null>(null);
  /** A change to a field takes back what was said about it (and the summary with the last one). */
  const edited = (field: Field) =>
    setProblems((p) => {
      if (!p[field]) return p;
      const { [field]: _, ...rest } = p;
      return rest;
    });

  if (filed?.filed.secret)
    return <FiledAnonymous code={filed.filed.code} secret={filed.filed.secret} title={filed.title} />;

  const check = (): Problems => {
    const p: Problems = {};
    if (!category) p.category = t('new.invalid.category');
    if (!unit) p.unitId = t('new.invalid.unit');
    const tl = title.trim().length;
    if (tl < TITLE.min || tl > TITLE.max) p.title = t('new.invalid.title', TITLE);
    const dl = description.trim().length;
    if (dl < DESCRIPTION.min || dl > DESCRIPTION.max)
      p.description = t('new.invalid.description', DESCRIPTION);
    return p;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const p = check();
    setProblems(p);
    if (Object.keys(p).length) {
      const first = (['category', 'unitId', 'title', 'description'] as const).find((f) => p[f]);
      if (first) document.getElementById(`f-${first}`)?.focus();
      return;
    }
    const item: THotlineItemInput = {
      category,
      unitId: unit?.id,
      title: title.trim(),
      description: description.trim(),
      urgency,
      visibility,
      publishConsent,
    };
    file.mutate(
      { item, photos },
      {
        onSuccess: (answer) => {
          if (answer.secret) setFiled({ filed: answer, title: item.title });
          else void navigate(`/m/hotline/mine/${answer.id}`, { state: { filed: answer.code } });
        },
        onError: (error) => setProblems(serverProblems(t, error)),
      },
    );
  };

  const chosen = categories.data?.find((c) => c.code === category);
  const describedBy = (f: Field) => (problems[f] ? `p-${f}` : undefined);
  return (
    <>
      <HotlineNav />
      <BackLink to="/m/hotline">{t('nav.home')}</BackLink>
      <form className="m-card m-form m-hl-new" onSubmit={onSubmit} noValidate data-testid="new-form">
        <h2>{t('new.title')}</h2>
        <p className="m-muted m-small">{t('new.intro')}</p>

        <div className="m-field">
          <label htmlFor="f-category">{t('new.category')}</label>
          {!categories.data ? (
            <QueryState error={categories.error} onRetry={() => void categories.refetch()} />
          ) : (
            <select
              id="f-category"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
                edited('category');
              }}
              aria-invalid={!!problems.category}
              aria-describedby={describedBy('category')}
              data-testid="category"
            >
              <option value="">{t('new.categoryPick')}</option>
              {categories.data.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryLabel(c.code, categories.data, lang)}
                </option>
              ))}
            </select>
          )}
          {chosen && (
            <small className="m-muted" data-testid="category-days">
              {t('new.answerDays', { count: chosen.answerDays })}
            </small>
          )}
        </div>
        <FieldProblem id="p-category" text={problems.category} />

        <UnitPicker
          label={t('new.unit')}
          value={unit}
          own={own}
          onChange={(u) => {
            setUnit(u);
            edited('unitId');
          }}
          testId="unit-picker"
        />
        <FieldProblem id="p-unitId" text={problems.unitId} />

        <label className="m-field">
          <span>{t('new.itemTitle')}</span>
          <input
            id="f-title"
            value={title}
            maxLength={TITLE.max + 20}
            placeholder={t('new.titlePlaceholder')}
            onChange={(e) => {
              setTitle(e.target.value);
              edited('title');
            }}
            aria-invalid={!!problems.title}
            aria-describedby={describedBy('title')}
            data-testid="title"
          />
          <small className="m-muted">{t('new.counter', { n: title.trim().length, max: TITLE.max })}</small>
        </label>
        <FieldProblem id="p-title" text={problems.title} />
        <SimilarItems unitId={unit?.id ?? null} title={title} />

        <label className="m-field">
          <span>{t('new.description')}</span>
          <textarea
            id="f-description"
            className="m-textarea"
            rows={5}
            value={description}
            placeholder={t('new.descriptionPlaceholder')}
            onChange={(e) => {
              setDescription(e.target.value);
              edited('description');
            }}
            aria-invalid={!!problems.description}
            aria-describedby={describedBy('description')}
            data-testid="description"
          />
          <small className="m-muted">
            {t('new.counter', { n: description.trim().length, max: DESCRIPTION.max })}
          </small>
        </label>
        <FieldProblem id="p-description" text={problems.description} />

        <ChoiceCards
          name="urgency"
          legend={t('new.urgency')}
          value={urgency}
          options={URGENCIES}
          onChange={(u) => {
            setUrgency(u);
            edited('urgency');
          }}
          label={(u) => urgencyLabel(u, lang)}
          explain={(u) => t(`urgency.${u}`)}
        />
        <FieldProblem id="p-urgency" text={problems.urgency} />
        {urgency === 'immediate' && (
          <p className="m-alert m-alert-warning" data-testid="immediate-note">
            {t('urgency.immediateNote')}
          </p>
        )}

        <PhotoPicker
          photos={photos}
          onChange={(list) => {
            setPhotos(list);
            edited('photo');
          }}
          serverProblem={problems.photo}
        />

        <ChoiceCards
          name="visibility"
          legend={t('new.visibility')}
          value={visibility}
          options={VISIBILITIES}
          onChange={(v) => {
            setVisibility(v);
            edited('visibility');
          }}
          label={(v) => visibilityLabel(v, lang)}
          explain={(v) => t(`visibility.${v}`)}
        />
        <FieldProblem id="p-visibility" text={problems.visibility} />
        {visibility === 'anonymous' && (
          <PrivacyNote testId="anonymous-note">{t('visibility.anonymousNote')}</PrivacyNote>
        )}

        <label className="m-hl-check">
          <input
            type="checkbox"
            checked={publishConsent}
            onChange={(e) => setPublishConsent(e.target.checked)}
            data-testid="publish-consent"
          />
          <span>
            {t('new.publish')}
            <small className="m-muted">{t('new.publishHint')}</small>
          </span>
        </label>

        {problems.form && (
          <p className="m-alert" role="alert" data-testid="form-problem">
            {problems.form}
          </p>
        )}
        {Object.keys(problems).some((k) => k !== 'form' && k !== 'photo') && (
          <p className="m-alert" role="alert" data-testid="form-check">
            {t('new.checkAbove')}
          </p>
        )}
        <button
          type="submit"
          className="m-button m-button-primary m-big"
          disabled={file.isPending}
          data-testid="submit"
        >
          {file.isPending ? t('new.sending') : t('new.submit')}
        </button>
      </form>
    </>
  );
}

import { HOTLINE_MAX_PHOTO_BYTES, HOTLINE_MAX_PHOTOS } from '@lifeline/shared';
import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Svg } from '../../../mobile/icons';
import { megabytes } from '../format';

/** A chosen photo and the object URL of its thumbnail. */
type Chosen = { file: File; url: string };

/**
 * Up to five photos from the camera or the gallery (the phone offers both for accept="image/*"),
 * each at most 8 MB, shown as thumbnails that can be removed before sending.
 */
export function PhotoPicker({
  photos,
  onChange,
  serverProblem,
}: {
  photos: File[];
  onChange: (photos: File[]) => void;
  serverProblem?: string | null;
}) {
  const { t } = useTranslation('hotline');
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen: Chosen[] = useMemo(
    () => photos.map((file) => ({ file, url: URL.createObjectURL(file) })),
    [photos],
  );
  useEffect(
    () => () => {
      for (const c of chosen) URL.revokeObjectURL(c.url);
    },
    [chosen],
  );

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    const problems: string[] = [];
    const ok: File[] = [];
    for (const file of picked) {
      if (file.type && !file.type.startsWith('image/'))
        problems.push(t('photos.notImage', { name: file.name }));
      else if (file.size > HOTLINE_MAX_PHOTO_BYTES)
        problems.push(
          t('photos.tooBig', {
            name: file.name,
            size: megabytes(file.size),
            max: megabytes(HOTLINE_MAX_PHOTO_BYTES),
          }),
        );
      else ok.push(file);
    }
    const room = HOTLINE_MAX_PHOTOS - photos.length;
    if (ok.length > room) problems.push(t('photos.tooMany', { max: HOTLINE_MAX_PHOTOS }));
    setProblem(problems.length ? problems.join(' ') : null);
    if (room > 0 && ok.length) onChange([...photos, ...ok.slice(0, room)]);
  };

  const full = photos.length >= HOTLINE_MAX_PHOTOS;
  const shown = problem ?? serverProblem;
  return (
    <div className="m-field m-hl-photos" data-testid="photos">
      <span>{t('photos.label', { count: photos.length, max: HOTLINE_MAX_PHOTOS })}</span>
      <ul className="m-hl-thumbs">
        {chosen.map((c, i) => (
          <li key={c.url} className="m-hl-thumb" data-testid="photo-thumb">
            <img src={c.url} alt={t('photos.alt', { n: i + 1 })} />
            <button
              type="button"
              className="m-hl-thumb-remove"
              aria-label={t('photos.remove', { n: i + 1 })}
              onClick={() => {
                setProblem(null);
                onChange(photos.filter((_, j) => j !== i));
              }}
              data-testid="photo-remove"
            >
              ×
            </button>
          </li>
        ))}
        {!full && (
          <li>
            <button
              type="button"
              className="m-hl-thumb-add"
              onClick={() => input.current?.click()}
              data-testid="photo-add"
            >
              <Svg size={28} strokeWidth={1.6}>
                <path d="M4 8h3l2-3h6l2 3h3v11H4Z" />
                <circle cx="12" cy="13" r="3.5" />
              </Svg>
              <span>{t('photos.add')}</span>
            </button>
          </li>
        )}
      </ul>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={onPick}
        data-testid="photo-input"
      />
      <small className="m-muted">{t('photos.hint', { max: megabytes(HOTLINE_MAX_PHOTO_BYTES) })}</small>
      {shown && (
        <p className="m-alert" role="alert" data-testid="photos-problem">
          {shown}
        </p>
      )}
    </div>
  );
}

import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Splits typed text into tags at commas (either width), semicolons and line breaks. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，;；、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Adds new tags to a list, keeping order and dropping duplicates. */
export function addTags(list: readonly string[], more: readonly string[]): string[] {
  const out = [...list];
  for (const tag of more) if (!out.includes(tag)) out.push(tag);
  return out;
}

/**
 * A list of short tags: type one and press Enter (or a comma) or the add button; each tag has a
 * remove button. What is still typed is handed to `onPending` so a save can include it.
 */
export function TagInput({
  label,
  value,
  onChange,
  max,
  maxLength,
  placeholder,
  testId,
  invalid,
}: {
  label: string;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  max: number;
  maxLength: number;
  placeholder?: string;
  testId?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation('counselling');
  const id = useId();
  const [text, setText] = useState('');
  const full = value.length >= max;
  const commit = () => {
    const tags = splitTags(text).map((s) => s.slice(0, maxLength));
    if (tags.length === 0) return;
    onChange(addTags(value, tags).slice(0, max));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="m-field m-cs-tag-field" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="m-cs-tags m-cs-tag-list">
          {value.map((tag) => (
            <li key={tag} className="m-tag m-cs-tag">
              <span>{tag}</span>
              <button
                type="button"
                className="m-cs-tag-remove"
                aria-label={t('tags.remove', { tag })}
                onClick={() => onChange(value.filter((v) => v !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="m-cs-tag-entry">
        <input
          id={id}
          value={text}
          disabled={full}
          placeholder={full ? t('tags.full', { max }) : placeholder}
          onChange={(e) => {
            const next = e.target.value;
            if (/[,，;；、]/.test(next)) {
              const tags = splitTags(next).map((s) => s.slice(0, maxLength));
              onChange(addTags(value, tags).slice(0, max));
              setText('');
            } else setText(next);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
          aria-invalid={invalid || undefined}
          enterKeyHint="done"
        />
        <button
          type="button"
          className="m-button m-button-danger m-cs-tag-add"
          disabled={full || !text.trim()}
          onClick={commit}
        >
          {t('tags.add')}
        </button>
      </div>
      <span className="m-muted m-small">{t('tags.hint', { max, length: maxLength })}</span>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/i18n';
import { LANGUAGES, toLanguage } from '../../i18n/languages';
import { GlobeIcon } from '../icons';

/** One tap switches to the other language; the button names the language it switches to. */
export function MobileLanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = toLanguage(i18n.language);
  const other = LANGUAGES.find((l) => l !== current) ?? LANGUAGES[0];
  return (
    <button
      type="button"
      className="m-lang"
      lang={other}
      aria-label={`${t('language.label')}: ${t(`language.${other}`)}`}
      data-testid="language-switch"
      onClick={() => void changeLanguage(other)}
    >
      <GlobeIcon size={18} />
      <span>{t(`language.${other}`)}</span>
    </button>
  );
}

/** Both languages side by side, the current one marked: for the settings list. */
export function MobileLanguageChoice() {
  const { t, i18n } = useTranslation('common');
  const current = toLanguage(i18n.language);
  return (
    <fieldset className="m-segmented">
      <legend className="m-sr-only">{t('language.label')}</legend>
      {LANGUAGES.map((l) => (
        <label key={l} lang={l} className={l === current ? 'm-segmented-on' : undefined}>
          <input
            type="radio"
            name="lifeline-language"
            value={l}
            checked={l === current}
            onChange={() => void changeLanguage(l)}
          />
          {t(`language.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

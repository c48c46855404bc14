import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../layout/brand';
import { LanguageSwitch } from '../layout/language-switch';

/** The frame of pages shown before the shell: brand and language on top, a centred card. */
export function AuthFrame({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <div className="ll-auth">
      <header className="ll-auth-top">
        <Brand />
        <span>
          {extra}
          <LanguageSwitch />
        </span>
      </header>
      <main className="ll-auth-main">{children}</main>
      <footer className="ll-auth-footer">
        {t('appFullName')} · {t('appTagline')}
      </footer>
    </div>
  );
}

import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/i18n';
import { LANGUAGES, toLanguage } from '../../i18n/languages';

/** 中文 / English: switches i18next, and through it antd's and dayjs's locale. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('common');
  const current = toLanguage(i18n.language);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LANGUAGES.map((l) => ({ key: l, label: <span lang={l}>{t(`language.${l}`)}</span> })),
        onClick: ({ key }) => void changeLanguage(toLanguage(key)),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('language.current', { language: t(`language.${current}`) })}
        data-testid="language-switch"
      >
        {compact ? null : t(`language.${current}`)}
      </Button>
    </Dropdown>
  );
}

import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The app's mark and name: the same line drawn in the favicon. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="14" fill="#c8102e" />
      <path
        d="M8 34h12l6-14 8 26 7-18 4 6h11"
        fill="none"
        stroke="#fff"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Mark plus "生命线 Lifeline"; the name is the same in both languages. */
export function Brand({ showName = true, inverted = false }: { showName?: boolean; inverted?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <span className="ll-brand">
      <BrandMark />
      {showName && (
        <Typography.Text strong className="ll-brand-name" style={inverted ? { color: '#fff' } : undefined}>
          {t('appFullName')}
        </Typography.Text>
      )}
    </span>
  );
}

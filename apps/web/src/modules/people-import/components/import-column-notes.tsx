import type { TImportColumnNote } from '@lifeline/shared';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What each ignored column's line says: a name not recognised, a repeat, data without a name. */
function noteText(t: (key: string, options?: Record<string, unknown>) => string, n: TImportColumnNote) {
  return t(`columns.${n.reason}`, { header: n.header, column: n.column ?? '' });
}

/**
 * The sheet's columns that were not imported (a warning, one line each, so that a column HR
 * meant is never dropped unseen), and those read under the template's name (a quiet line).
 */
export function ImportColumnNotes({ notes }: { notes: TImportColumnNote[] }) {
  const { t } = useTranslation('people-import');
  const ignored = notes.filter((n) => n.reason !== 'alias');
  const renamed = notes.filter((n) => n.reason === 'alias');
  if (!notes.length) return null;
  return (
    <>
      {ignored.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-column-warnings"
          title={t('columns.ignoredTitle', { count: ignored.length })}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {ignored.map((n) => (
                  <li key={`${n.reason}-${n.header}`}>{noteText(t, n)}</li>
                ))}
              </ul>
              {t('columns.ignoredHint')}
            </>
          }
        />
      )}
      {renamed.length > 0 && (
        <Typography.Text type="secondary" data-testid="import-column-aliases">
          {t('columns.aliasTitle')}
          {renamed
            .map((n) => t('columns.alias', { header: n.header, column: n.column }))
            .join(t('columns.separator'))}
        </Typography.Text>
      )}
    </>
  );
}

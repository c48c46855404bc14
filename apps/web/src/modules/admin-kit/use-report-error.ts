import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, problemText } from './api-problems';

/**
 * Shows a failed action as a message. When the record was changed by someone else, the given
 * queries are refetched at once, so that the page shows the current record and its version.
 */
export function useReportError(refetch: QueryKey[] = []) {
  const { t } = useTranslation(['admin-kit', 'errors']);
  const { message } = App.useApp();
  const client = useQueryClient();
  return (error: unknown) => {
    void message.error(problemText(t, error));
    if (isStaleVersion(error)) {
      for (const key of refetch) void client.invalidateQueries({ queryKey: key });
    }
  };
}

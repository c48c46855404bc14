import { ReloadOutlined } from '@ant-design/icons';
import {
  type QueryKey,
  type UseMutationResult,
  type UseQueryResult,
  useQueryClient,
} from '@tanstack/react-query';
import { Alert, App, Button, Flex, Result, Spin } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../i18n/error-message';

/** What a settings form tells its frame: someone else saved first (409), or it saved. */
export type SettingsEvents = { onStale: () => void; onSaved: () => void };

/**
 * The frame of a settings form kept with a `version` (optimistic locking): a spinner while the
 * settings load, the reason with a retry when they fail, and the form, remounted with the stored
 * values whenever a new version arrives. When the form reports a stale version, the newer
 * settings are fetched and a warning says so until the next save or until it is closed.
 */
export function VersionedSettings<T extends { version: number }>({
  query,
  queryKey,
  staleTitle,
  staleTestId,
  retryLabel,
  children,
}: {
  query: UseQueryResult<T>;
  queryKey: QueryKey;
  staleTitle: string;
  staleTestId: string;
  retryLabel: string;
  children: (data: T, events: SettingsEvents) => ReactNode;
}) {
  const { t } = useTranslation(['admin-kit', 'errors']);
  const client = useQueryClient();
  const [stale, setStale] = useState(false);
  const onStale = () => {
    // Someone else saved first: their settings are loaded, and the form remounts with them.
    setStale(true);
    void client.invalidateQueries({ queryKey });
  };
  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setStale(false) }}
          title={staleTitle}
          style={{ marginBottom: 16 }}
          data-testid={staleTestId}
        />
      )}
      {query.isPending && (
        <Flex justify="center">
          <Spin />
        </Flex>
      )}
      {query.isError && (
        <Result
          status="error"
          title={errorMessage(t, query.error)}
          extra={
            <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
              {retryLabel}
            </Button>
          }
        />
      )}
      {query.data && (
        <Fragment key={query.data.version}>
          {children(query.data, { onStale, onSaved: () => setStale(false) })}
        </Fragment>
      )}
    </>
  );
}

/**
 * Saves a settings form: "saved" and `onSaved` on success, `onStale` on a 409 (someone else saved
 * first), and any other error to `onError` (problems with fields, or a message).
 */
export function useSettingsSave<I>(
  mutation: UseMutationResult<unknown, unknown, I>,
  { onStale, onSaved }: SettingsEvents,
  onError: (error: unknown) => void,
): (input: I) => void {
  const { t } = useTranslation('admin-kit');
  const { message } = App.useApp();
  return (input) =>
    mutation.mutate(input, {
      onSuccess: () => {
        onSaved();
        void message.success(t('admin-kit:saved'));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'conflict') onStale();
        else onError(error);
      },
    });
}

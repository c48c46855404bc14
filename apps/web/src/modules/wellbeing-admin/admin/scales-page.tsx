import { CloudUploadOutlined, DownloadOutlined, FileTextOutlined, StopOutlined } from '@ant-design/icons';
import type { TInstrumentDefinition, TScale } from '@lifeline/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { formatPath, type Issue, issuesOf } from '../../../api/issues';
import { NotFoundPage } from '../../../app/pages/not-found-page';
import { errorMessage } from '../../../i18n/error-message';
import { problemText } from '../../admin-kit/api-problems';
import { formatTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { useInstruments, useRetireScale, useScales, useUploadScale } from '../api';
import exampleScale from '../example-scale.json';
import './wellbeing.css';

/** Definitions are small; a file far above this is not one. */
const MAX_FILE_BYTES = 512 * 1024;

/** `/wellbeing/scales`: one page; anything below it is unknown. */
export function WellbeingScalesPage() {
  return (
    <Routes>
      <Route index element={<ScalesPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Saves a text as a file the browser downloads (the example needs no server). */
function saveText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Scales: the ones an administrator uploaded (in the definition format, checked by the server,
 * which names every problem), retiring one, an example definition to start from, and the
 * built-in instruments with their sources and licences.
 */
function ScalesPage() {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const scales = useScales();
  const instruments = useInstruments();

  // Built-in: what the instrument list has and no upload explains (uploads carry code + version).
  const builtins = useMemo(() => {
    const uploaded = new Set((scales.data ?? []).map((s) => `${s.code}@${s.version}`));
    return (instruments.data ?? []).filter((i) => !uploaded.has(`${i.code}@${i.version}`));
  }, [scales.data, instruments.data]);

  return (
    <>
      <PageHeader
        title={t('scales.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              saveText(`${JSON.stringify(exampleScale, null, 2)}\n`, 'example-scale.json', 'application/json')
            }
            data-testid="scale-example"
          >
            {t('scales.downloadExample')}
          </Button>
        }
      />
      <Flex vertical gap="middle">
        <Card size="small" title={t('scales.uploadedTitle')} styles={{ body: { padding: 0 } }}>
          {scales.isError && (
            <Alert type="error" showIcon title={errorMessage(t, scales.error)} style={{ margin: 12 }} />
          )}
          <ScalesTable scales={scales.data ?? []} loading={scales.isFetching} />
        </Card>
        <UploadCard />
        <Card
          size="small"
          title={t('scales.builtinTitle')}
          styles={{ body: { padding: 0 } }}
          data-testid="builtin-instruments"
        >
          {instruments.isError && (
            <Alert type="error" showIcon title={errorMessage(t, instruments.error)} style={{ margin: 12 }} />
          )}
          <BuiltinTable instruments={builtins} loading={instruments.isPending || scales.isPending} />
        </Card>
      </Flex>
    </>
  );
}

/** Picking or pasting a definition, and what the server found wrong with it. */
function UploadCard() {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const upload = useUploadScale();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const clearResult = () => {
    setParseError(null);
    setIssues([]);
    setFailure(null);
  };

  const readFile = async (file: File) => {
    clearResult();
    if (file.size > MAX_FILE_BYTES) {
      setParseError(t('scales.fileTooLarge', { max: Math.round(MAX_FILE_BYTES / 1024) }));
      return;
    }
    setFileName(file.name);
    setText(await file.text());
  };

  const onUpload = () => {
    clearResult();
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (err) {
      setParseError(t('scales.notJson', { reason: err instanceof Error ? err.message : String(err) }));
      return;
    }
    if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
      setParseError(t('scales.notObject'));
      return;
    }
    upload.mutate(definition, {
      onSuccess: (scale) => {
        void message.success(
          t('scales.uploaded', {
            name: labels.lang === 'en' ? scale.name.en : scale.name.zh,
            version: scale.version,
          }),
        );
        setText('');
        setFileName(null);
      },
      onError: (error) => {
        const found = issuesOf(error);
        // A definition's problems (and a version already taken) name their fields: list them all.
        if (found.length > 0) setIssues(found);
        else setFailure(problemText(t, error));
      },
    });
  };

  return (
    <Card size="small" title={t('scales.uploadTitle')}>
      <Flex vertical gap="small">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('scales.uploadHint')}
        </Typography.Paragraph>
        <Flex gap="small" wrap align="center">
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              void readFile(file);
              return false;
            }}
          >
            <Button icon={<FileTextOutlined />} data-testid="scale-file">
              {t('scales.chooseFile')}
            </Button>
          </Upload>
          {fileName && (
            <Typography.Text type="secondary">{t('scales.fileRead', { name: fileName })}</Typography.Text>
          )}
        </Flex>
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFileName(null);
          }}
          rows={8}
          placeholder={t('scales.pastePlaceholder')}
          aria-label={t('scales.pasteLabel')}
          className="ll-wb-json"
          spellCheck={false}
          data-testid="scale-json"
        />
        {parseError && <Alert type="error" showIcon title={parseError} data-testid="scale-parse-error" />}
        {failure && <Alert type="error" showIcon title={failure} data-testid="scale-failure" />}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('scales.issuesTitle', { count: issues.length })}
            description={
              <ul className="ll-wb-issues" data-testid="scale-issues">
                {issues.map((issue, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat; their order is fixed.
                  <li key={i}>
                    {issue.path.length > 0 && <code>{formatPath(issue.path)}</code>}
                    {issue.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Flex gap="small" wrap>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!text.trim()}
            loading={upload.isPending}
            onClick={onUpload}
            data-testid="scale-upload"
          >
            {t('scales.upload')}
          </Button>
          <Button
            disabled={!text}
            onClick={() => {
              setText('');
              setFileName(null);
              clearResult();
            }}
          >
            {t('scales.clear')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

function ScalesTable({ scales, loading }: { scales: TScale[]; loading: boolean }) {
  const { t } = useTranslation(['wellbeing-admin', 'admin-kit', 'errors']);
  const labels = useLabels();
  const { message } = App.useApp();
  const retire = useRetireScale();
  const none = t('admin-kit:none');

  const onRetire = (scale: TScale) =>
    retire.mutateAsync(scale.id).then(
      () => void message.success(t('scales.retired', { code: scale.code, version: scale.version })),
      (error: unknown) => void message.error(problemText(t, error)),
    );

  const columns: TableColumnsType<TScale> = [
    { key: 'code', title: t('scales.code'), render: (_, s) => <code>{s.code}</code> },
    { key: 'version', dataIndex: 'version', title: t('scales.version') },
    {
      key: 'name',
      title: t('scales.name'),
      render: (_, s) => (labels.lang === 'en' ? s.name.en : s.name.zh),
    },
    { key: 'items', dataIndex: 'itemCount', title: t('scales.items'), align: 'right' },
    {
      key: 'status',
      title: t('scales.status'),
      render: (_, s) =>
        s.status === 'active' ? (
          <Tag color="green">{t('scales.active')}</Tag>
        ) : (
          <Tag>{t('scales.retiredTag')}</Tag>
        ),
    },
    {
      key: 'uploaded',
      title: t('scales.uploadedAt'),
      render: (_, s) => (
        <Flex vertical>
          <span>{formatTimestamp(s.uploadedAt, labels.lang)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.uploadedBy ?? none}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'results', dataIndex: 'storedResults', title: t('scales.storedResults'), align: 'right' },
    {
      key: 'actions',
      title: t('scales.actions'),
      render: (_, s) =>
        s.status === 'active' ? (
          <Popconfirm
            title={t('scales.retireTitle', { code: s.code, version: s.version })}
            description={
              <div style={{ maxWidth: 320 }}>{t('scales.retireText', { count: s.storedResults })}</div>
            }
            okText={t('scales.retire')}
            okButtonProps={{ danger: true }}
            cancelText={t('admin-kit:actions.cancel')}
            onConfirm={() => onRetire(s)}
          >
            <Button size="small" danger icon={<StopOutlined />} data-testid={`retire-${s.code}`}>
              {t('scales.retire')}
            </Button>
          </Popconfirm>
        ) : (
          none
        ),
    },
  ];

  return (
    <Table<TScale>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={scales}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('scales.none') }}
      data-testid="scales-table"
    />
  );
}

function BuiltinTable({ instruments, loading }: { instruments: TInstrumentDefinition[]; loading: boolean }) {
  const { t } = useTranslation('wellbeing-admin');
  const labels = useLabels();
  const columns: TableColumnsType<TInstrumentDefinition> = [
    { key: 'code', title: t('scales.code'), render: (_, i) => <code>{i.code}</code> },
    { key: 'version', dataIndex: 'version', title: t('scales.version') },
    {
      key: 'name',
      title: t('scales.name'),
      render: (_, i) => (labels.lang === 'en' ? i.name.en : i.name.zh),
    },
    {
      key: 'kind',
      title: t('scales.kind'),
      render: (_, i) => t(`scales.kinds.${i.scoring.kind}`),
    },
    { key: 'items', title: t('scales.items'), align: 'right', render: (_, i) => i.items.length },
    {
      key: 'source',
      title: t('scales.source'),
      width: 420,
      render: (_, i) => (
        <Flex vertical gap={2}>
          <Typography.Text style={{ fontSize: 12 }}>{i.source.licence}</Typography.Text>
          <Tooltip title={i.source.citation}>
            <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 400 }} ellipsis>
              {i.source.citation}
            </Typography.Text>
          </Tooltip>
        </Flex>
      ),
    },
  ];
  return (
    <Table<TInstrumentDefinition>
      rowKey={(i) => `${i.code}@${i.version}`}
      size="small"
      columns={columns}
      dataSource={instruments}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

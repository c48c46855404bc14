import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { COMMENDATION_KINDS, type TCommendationKind, type TCycle } from '@lifeline/shared';
import { Alert, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../i18n/error-message';
import { useLabels } from '../../admin-kit/labels';
import { type TCommendation, type TConference, useConference } from '../api';
import { ConferenceEditor } from './conference-editor';
import { ResultsFrame, useCurrentCycle } from './results-frame';

/** The innovation conference (创新大会) of a cycle and its commendation list, printable. */
export function ConferencePage() {
  const { cycle } = useCurrentCycle();
  return (
    <ResultsFrame section="conference">
      {cycle && <ConferenceBody key={cycle.id} cycle={cycle} />}
    </ResultsFrame>
  );
}

function ConferenceBody({ cycle }: { cycle: TCycle }) {
  const { t } = useTranslation(['innovation-results', 'errors']);
  const conference = useConference(cycle.id);
  const [editing, setEditing] = useState(false);
  if (conference.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('conference.loadFailed', { reason: errorMessage(t, conference.error) })}
      />
    );
  if (!conference.data) return <Card loading />;
  const c = conference.data;
  if (editing)
    return <ConferenceEditor key={c.version} cycle={cycle} conference={c} onDone={() => setEditing(false)} />;
  return (
    <ConferenceView
      cycle={cycle}
      conference={c}
      onEdit={c.abilities.manage ? () => setEditing(true) : undefined}
    />
  );
}

/** The commendation list as it is printed: one table per kind. */
function ConferenceView({
  cycle,
  conference: c,
  onEdit,
}: {
  cycle: TCycle;
  conference: TConference;
  onEdit?: () => void;
}) {
  const { t } = useTranslation(['innovation-results', 'admin-kit']);
  const labels = useLabels();
  const none = t('admin-kit:none');
  const empty = !c.name && c.commendations.length === 0;
  const actions = (
    <Flex gap="small" wrap className="ll-no-print">
      {onEdit && (
        <Button icon={<EditOutlined />} type={empty ? 'primary' : 'default'} onClick={onEdit}>
          {empty ? t('conference.create') : t('admin-kit:actions.edit')}
        </Button>
      )}
      {!empty && (
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-commendations">
          {t('conference.print')}
        </Button>
      )}
    </Flex>
  );
  if (empty)
    return (
      <Card>
        <Empty description={t('conference.empty')}>{actions}</Empty>
      </Card>
    );

  const kinds = COMMENDATION_KINDS.map((k) => k.code as TCommendationKind);
  return (
    <Card className="ll-print-area" data-testid="commendation-list">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} className="ll-print-title">
            {c.name ?? t('conference.unnamed', { cycle: cycle.name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('conference.listSubtitle', {
              date: c.heldOn ?? none,
              count: c.commendations.length,
            })}
          </Typography.Text>
        </div>
        {actions}
      </Flex>
      {kinds.map((kind) => {
        const rows = c.commendations.filter((x) => x.kind === kind);
        if (rows.length === 0) return null;
        return (
          <section key={kind} className="ll-commendation-section">
            <Typography.Title level={5}>
              {t('conference.kindTitle', {
                kind: labels.label(COMMENDATION_KINDS, kind),
                count: rows.length,
              })}
            </Typography.Title>
            <Table<TCommendation>
              rowKey="id"
              size="small"
              bordered
              pagination={false}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  key: 'no',
                  title: t('conference.no'),
                  width: 60,
                  align: 'center',
                  render: (_, _x, i) => i + 1,
                },
                { key: 'title', dataIndex: 'title', title: t('conference.honour') },
                ...(kind === 'individual'
                  ? [
                      {
                        key: 'person',
                        title: t('conference.person'),
                        render: (_: unknown, x: TCommendation) => x.personName ?? none,
                      },
                    ]
                  : [
                      {
                        key: 'project',
                        title: kind === 'team' ? t('conference.teamOf') : t('fields.project'),
                        render: (_: unknown, x: TCommendation) => x.projectTitle ?? none,
                      },
                      {
                        key: 'unit',
                        title: t('fields.unit'),
                        render: (_: unknown, x: TCommendation) => x.unitName ?? none,
                      },
                    ]),
              ]}
            />
          </section>
        );
      })}
    </Card>
  );
}

import { ArrowLeftOutlined, AuditOutlined, EditOutlined } from '@ant-design/icons';
import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
  type TPerson,
} from '@lifeline/shared';
import { Button, Card, Descriptions, Flex, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../api/me';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { formatTimestamp } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { PersonRolesCard } from '../../roles/admin/person-roles-card';
import { usePerson } from '../api';
import { AccountCard } from './account-card';
import { IdCardValue } from './id-card-value';
import { PersonEditModal } from './person-edit-modal';

/** Everything the roster holds about one person, with the actions the server allows on them. */
export function PersonDetailPage() {
  const { t } = useTranslation(['people', 'admin-kit', 'errors', 'common']);
  const navigate = useNavigate();
  const personId = idParam(useParams().id);
  const person = usePerson(personId);
  const permissions = useMe().data?.permissions ?? [];
  const [editing, setEditing] = useState(false);
  const labels = useLabels();

  if (personId === undefined || person.isError) {
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        subTitle={person.isError ? errorMessage(t, person.error) : undefined}
        extra={<Button onClick={() => navigate('/people')}>{t('detail.backToList')}</Button>}
      />
    );
  }
  if (!person.data) return <PageLoading />;
  const p = person.data;

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap="small" wrap>
            <span data-testid="person-name">{p.name}</span>
            <Tag color={p.politicalStatus === 'party_member' ? 'red' : undefined}>
              {personTexts(labels, p).politicalStatus}
            </Tag>
          </Flex>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common:actions.back')}
            </Button>
            {p.abilities.update && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('admin-kit:actions.edit')}
              </Button>
            )}
            {permissions.includes('audit.read') && (
              <Button
                icon={<AuditOutlined />}
                onClick={() => navigate(`/audit?recordType=person&recordId=${p.id}`)}
              >
                {t('detail.auditTrail')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap="middle">
        <PersonFacts person={p} />
        {p.abilities.manageAccount && <AccountCard person={p} />}
        {permissions.includes('role.read') && <PersonRolesCard person={p} />}
      </Flex>
      {editing && <PersonEditModal person={p} onClose={() => setEditing(false)} />}
    </>
  );
}

/** The labels of a person's coded fields in the UI language. */
function personTexts(labels: ReturnType<typeof useLabels>, p: TPerson) {
  return {
    gender: labels.label(GENDERS, p.gender),
    politicalStatus: labels.label(POLITICAL_STATUSES, p.politicalStatus),
    positions: p.positions.map((x) => labels.label(POSITIONS, x)),
    cadreRank: labels.label(CADRE_RANKS, p.cadreRank),
    education: labels.label(EDUCATION_LEVELS, p.education),
    employmentStatus: labels.label(EMPLOYMENT_STATUSES, p.employmentStatus),
  };
}

function PersonFacts({ person: p }: { person: TPerson }) {
  const { t } = useTranslation(['people', 'admin-kit']);
  const labels = useLabels();
  const text = personTexts(labels, p);
  const none = t('admin-kit:none');
  const or = (v: string | null | undefined) => v || none;
  return (
    <Card title={t('detail.facts')}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
        items={[
          { key: 'employeeNo', label: t('fields.employeeNo'), children: p.employeeNo },
          { key: 'name', label: t('fields.name'), children: p.name },
          { key: 'gender', label: t('fields.gender'), children: text.gender },
          { key: 'birthDate', label: t('fields.birthDate'), children: or(p.birthDate) },
          { key: 'idCard', label: t('fields.idCard'), children: <IdCardValue person={p} /> },
          { key: 'phone', label: t('fields.phone'), children: or(p.phone) },
          { key: 'unit', label: t('fields.unit'), children: p.unitName },
          { key: 'politicalStatus', label: t('fields.politicalStatus'), children: text.politicalStatus },
          { key: 'partyJoinedOn', label: t('fields.partyJoinedOn'), children: or(p.partyJoinedOn) },
          {
            key: 'partyFullMemberOn',
            label: t('fields.partyFullMemberOn'),
            children: or(p.partyFullMemberOn),
          },
          {
            key: 'positions',
            label: t('fields.positions'),
            children: or(text.positions.join(t('list.separator'))),
          },
          { key: 'cadreRank', label: t('fields.cadreRank'), children: or(text.cadreRank) },
          { key: 'education', label: t('fields.education'), children: or(text.education) },
          { key: 'employmentStatus', label: t('fields.employmentStatus'), children: text.employmentStatus },
          {
            key: 'updatedAt',
            label: t('fields.updatedAt'),
            children: or(formatTimestamp(p.updatedAt, labels.lang)),
          },
        ]}
      />
    </Card>
  );
}

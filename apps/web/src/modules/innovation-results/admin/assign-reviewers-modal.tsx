import type { TPersonSummary, TProjectScore } from '@lifeline/shared';
import { Alert, App, Button, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { useMe } from '../../../api/me';
import { useReportError } from '../../admin-kit/use-report-error';
import { usePeople } from '../../people/api';
import { type TReviewerConflict, useAssignReviewers } from '../api';

const SEARCH_DELAY_MS = 250;

/** The reviewers a 409 refused, from its details. */
function conflictsOf(error: unknown): TReviewerConflict[] {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return [];
  const list = (error.details as { conflicts?: unknown } | undefined)?.conflicts;
  return Array.isArray(list) ? (list as TReviewerConflict[]) : [];
}

/**
 * Adds reviewers to a completed project, found by searching the roster. The server refuses
 * anyone with a conflict of interest (the applicant unit's people, the team, declared
 * conflicts) and names them with the reason; they are listed and can be taken out.
 */
export function AssignReviewersModal({
  cycleId,
  project,
  onClose,
}: {
  cycleId: number;
  project: TProjectScore;
  onClose: () => void;
}) {
  const { t } = useTranslation(['innovation-results', 'admin-kit', 'people']);
  const { message } = App.useApp();
  const canSearch = useMe().data?.permissions.includes('person.read') ?? false;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<TPersonSummary[]>([]);
  const [conflicts, setConflicts] = useState<TReviewerConflict[]>([]);
  const assign = useAssignReviewers(cycleId);
  const reportError = useReportError();
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = usePeople({ q }, 1, 20, q !== '' && canSearch);

  const options = useMemo(() => {
    const byId = new Map<number, TPersonSummary>();
    for (const p of [...chosen, ...(found.data?.items ?? [])]) byId.set(p.id, p);
    return [...byId.values()].map((p) => ({
      value: p.id,
      label: t('people:picker.option', { name: p.name, no: p.employeeNo, unit: p.unitName }),
      person: p,
    }));
  }, [chosen, found.data, t]);

  const onOk = () => {
    if (chosen.length === 0) {
      void message.warning(t('assign.required'));
      return;
    }
    assign.mutate(
      { projectId: project.projectId, reviewerIds: chosen.map((p) => p.id) },
      {
        onSuccess: ({ assigned }) => {
          void message.success(
            assigned === chosen.length
              ? t('assign.done', { count: assigned })
              : t('assign.doneSkipped', { count: assigned, skipped: chosen.length - assigned }),
          );
          onClose();
        },
        onError: (error) => {
          const list = conflictsOf(error);
          if (list.length) setConflicts(list);
          else reportError(error);
        },
      },
    );
  };

  const conflictIds = new Set(conflicts.map((c) => c.personId));

  return (
    <Modal
      open
      title={t('assign.title')}
      okText={t('assign.ok')}
      cancelText={t('admin-kit:actions.cancel')}
      confirmLoading={assign.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{project.title}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {project.code} · {project.unitName} · {t('assign.current', { count: project.reviewers })}
        </Typography.Text>
      </Typography.Paragraph>
      <Select<number[]>
        mode="multiple"
        style={{ width: '100%' }}
        value={chosen.map((p) => p.id)}
        onChange={(ids) => {
          setChosen(ids.map((id) => options.find((o) => o.value === id)!.person));
          setConflicts((c) => c.filter((x) => ids.includes(x.personId)));
        }}
        options={options.map(({ value, label }) => ({ value, label }))}
        showSearch={{ filterOption: false, onSearch: setTyped }}
        loading={found.isFetching}
        placeholder={t('assign.placeholder')}
        notFoundContent={q ? t('people:picker.noMatch') : t('people:picker.typeToSearch')}
        tagRender={({ label, value, closable, onClose }) => (
          <Tag
            color={conflicts.some((c) => c.personId === value) ? 'red' : undefined}
            closable={closable}
            onClose={onClose}
            style={{ marginInlineEnd: 4 }}
          >
            {label}
          </Tag>
        )}
        aria-label={t('assign.reviewers')}
        data-testid="reviewer-select"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('assign.hint')}
      </Typography.Paragraph>
      {conflicts.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('assign.conflictsTitle')}
          data-testid="reviewer-conflicts"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {conflicts.map((c) => (
                <li key={c.personId}>
                  {t('assign.conflictLine', {
                    name: c.name ?? chosen.find((p) => p.id === c.personId)?.name ?? `#${c.personId}`,
                    reason: t(`assign.reasons.${c.reason}`, { defaultValue: c.reason }),
                  })}
                </li>
              ))}
            </ul>
          }
          action={
            conflictIds.size > 0 && (
              <Button
                size="small"
                onClick={() => {
                  setChosen((list) => list.filter((p) => !conflictIds.has(p.id)));
                  setConflicts([]);
                }}
              >
                {t('assign.removeConflicts')}
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}

import type { THotlineItem, THotlineUrgency } from '@lifeline/shared';
import { App, Button, type ButtonProps, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showFieldProblems } from '../../admin-kit/api-problems';
import { type ItemAction, useAllUnits, useItemAction, useItemSearch } from '../api';
import { useHotlineLabels } from '../labels';
import { useHotlineError } from '../problems';

/** The actions a handler or the office takes on this page, in the order they are offered. */
const DESK_ACTIONS = [
  'accept',
  'start',
  'ask_reporter',
  'answer',
  'transfer',
  'merge',
  'close_not_applicable',
] as const;
type DeskAction = (typeof DESK_ACTIONS)[number];

const LOOK: Record<DeskAction, ButtonProps> = {
  accept: { type: 'primary' },
  start: { type: 'primary' },
  answer: { type: 'primary' },
  ask_reporter: {},
  transfer: {},
  merge: {},
  close_not_applicable: { danger: true },
};

/** Actions that only need a confirmation; the others open a form. */
const PLAIN: readonly DeskAction[] = ['accept', 'start'];
const TEXT_ACTIONS: readonly DeskAction[] = ['ask_reporter', 'answer', 'close_not_applicable'];
const TEXT_MAX = 4000;
const FORM_FIELDS = ['text', 'unitId', 'category', 'urgency', 'reason', 'intoId'] as const;
const REASON_MAX = 500;

type Values = {
  text?: string;
  unitId?: number;
  category?: string;
  urgency?: THotlineUrgency;
  reason?: string;
  intoId?: number;
};

/**
 * Buttons for exactly the actions the server allows (`item.abilities`). Each sends the item's
 * version: if someone acted first, the server refuses with a conflict, the page reloads the item
 * and says so.
 */
export function ItemActions({ item }: { item: THotlineItem }) {
  const { t } = useTranslation(['hotline-desk', 'admin-kit']);
  const { message, modal } = App.useApp();
  const run = useItemAction(item.id);
  const reportError = useHotlineError();
  const [asking, setAsking] = useState<DeskAction | null>(null);
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const actions = DESK_ACTIONS.filter((a) => item.abilities[a]);
  const name = (a: DeskAction) => t(`actions.${a}`);

  const send = (body: ItemAction) =>
    run
      .mutateAsync(body)
      .then(() => {
        void message.success(t('actions.done', { action: name(body.action as DeskAction) }));
        setAsking(null);
        // A transferred item usually leaves my part of the tree: back to the desk.
        if (body.action === 'transfer') navigate('/hotline');
      })
      .catch((error: unknown) => {
        // A problem with what was typed or chosen stays on the form; anything else closes it.
        if (asking && showFieldProblems(form, error, FORM_FIELDS)) return;
        reportError(error);
        setAsking(null);
      });

  const start = (action: DeskAction) => {
    if (PLAIN.includes(action)) {
      modal.confirm({
        title: t(`confirm.${action}`, { code: item.code }),
        okText: name(action),
        cancelText: t('admin-kit:actions.cancel'),
        okButtonProps: { 'data-testid': 'action-confirm' } as ButtonProps,
        onOk: () => send({ action: action as 'accept' | 'start', version: item.version }),
      });
      return;
    }
    setAsking(action);
  };

  const onFinish = (v: Values) => {
    if (!asking) return;
    const version = item.version;
    if (TEXT_ACTIONS.includes(asking))
      void send({
        action: asking as 'ask_reporter' | 'answer' | 'close_not_applicable',
        text: (v.text ?? '').trim(),
        version,
      });
    else if (asking === 'transfer')
      void send({
        action: 'transfer',
        unitId: v.unitId as number,
        category: v.category || undefined,
        urgency: v.urgency || undefined,
        reason: (v.reason ?? '').trim(),
        version,
      });
    else if (asking === 'merge') void send({ action: 'merge', intoId: v.intoId as number, version });
  };

  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          {...LOOK[a]}
          data-testid={`action-${a}`}
          loading={run.isPending && run.variables?.action === a}
          onClick={() => start(a)}
        >
          {name(a)}
        </Button>
      ))}
      <Modal
        open={asking !== null}
        title={asking ? name(asking) : ''}
        okText={asking ? name(asking) : ''}
        cancelText={t('admin-kit:actions.cancel')}
        okButtonProps={
          { danger: asking ? LOOK[asking].danger : false, 'data-testid': 'action-submit' } as ButtonProps
        }
        confirmLoading={run.isPending}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={560}
      >
        {asking && (
          <Typography.Paragraph type="secondary">
            {t(`actionHints.${asking}`, { code: item.code })}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" preserve={false} onFinish={onFinish} name="hotline-action">
          {asking && TEXT_ACTIONS.includes(asking) && (
            <Form.Item
              name="text"
              label={t(`actionText.${asking}`)}
              rules={[
                { required: true, whitespace: true, message: t('form.required') },
                { max: TEXT_MAX, message: t('form.tooLong', { max: TEXT_MAX }) },
              ]}
            >
              <Input.TextArea rows={5} maxLength={TEXT_MAX} showCount autoFocus data-testid="action-text" />
            </Form.Item>
          )}
          {asking === 'transfer' && <TransferFields item={item} />}
          {asking === 'merge' && (
            <Form.Item
              name="intoId"
              label={t('merge.into')}
              rules={[{ required: true, message: t('merge.required') }]}
              extra={t('merge.hint')}
            >
              <MergeTargetSelect exclude={item.id} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

function TransferFields({ item }: { item: THotlineItem }) {
  const { t } = useTranslation('hotline-desk');
  const labels = useHotlineLabels();
  return (
    <>
      <Form.Item
        name="unitId"
        label={t('transfer.unit')}
        rules={[
          { required: true, message: t('transfer.unitRequired') },
          {
            validator: (_, v) =>
              v === item.handlingUnit.id
                ? Promise.reject(new Error(t('transfer.sameUnit')))
                : Promise.resolve(),
          },
        ]}
      >
        <AnyUnitSelect exclude={item.handlingUnit.id} />
      </Form.Item>
      <Form.Item name="category" label={t('transfer.category')} extra={t('transfer.keep')}>
        <Select
          allowClear
          placeholder={labels.category(item.category)}
          options={labels.categoryOptions()}
          aria-label={t('transfer.category')}
        />
      </Form.Item>
      <Form.Item name="urgency" label={t('transfer.urgency')} extra={t('transfer.keep')}>
        <Select
          allowClear
          placeholder={labels.urgency(item.urgency)}
          options={labels.urgencyOptions()}
          aria-label={t('transfer.urgency')}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('transfer.reason')}
        rules={[
          { required: true, whitespace: true, message: t('form.required') },
          { max: REASON_MAX, message: t('form.tooLong', { max: REASON_MAX }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="transfer-reason" />
      </Form.Item>
    </>
  );
}

const SEARCH_DELAY_MS = 250;

/** Picks the item to merge into by searching the list (code or words of the title). */
function MergeTargetSelect({
  exclude,
  value,
  onChange,
  id,
}: {
  exclude: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation('hotline-desk');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useItemSearch(q, q !== '');
  const options = (found.data?.items ?? [])
    .filter((i) => i.id !== exclude && i.state !== 'closed')
    .map((i) => ({ value: i.id, label: `${i.code} · ${i.title}` }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.isFetching}
      placeholder={t('merge.placeholder')}
      notFoundContent={
        q ? (found.isFetching ? t('merge.searching') : t('merge.noMatch')) : t('merge.typeToSearch')
      }
      aria-label={t('merge.into')}
      data-testid="merge-target"
      style={{ width: '100%' }}
    />
  );
}

/**
 * Picks any unit of the organisation by name (an item may go beyond my own part of the tree,
 * e.g. to another company or back to the hotline office); the parent's name tells like names apart.
 */
function AnyUnitSelect({
  exclude,
  value,
  onChange,
  id,
}: {
  exclude: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation('hotline-desk');
  const units = useAllUnits();
  const options = (units.data ?? [])
    .filter((u) => u.id !== exclude)
    .map((u) => ({
      value: u.id,
      label: u.parentName ? t('transfer.unitOption', { name: u.name, parent: u.parentName }) : u.name,
      search: `${u.name} ${u.parentName ?? ''}`.toLowerCase(),
    }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear
      loading={units.isPending}
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
      }}
      placeholder={t('transfer.unitPlaceholder')}
      aria-label={t('transfer.unit')}
      data-testid="transfer-unit"
      style={{ width: '100%' }}
    />
  );
}

import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  idCardFacts,
  idCardProblem,
  PARTY_MEMBER_STATUSES,
  POLITICAL_STATUSES,
  POSITIONS,
  type TPerson,
  type TPersonInput,
} from '@lifeline/shared';
import { Col, DatePicker, Form, type FormInstance, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fromDayjs, toDayjs } from '../../admin-kit/dates';
import { useLabels } from '../../admin-kit/labels';
import { UnitTreeSelect } from '../../units/components/unit-tree-select';

/** The person form's values: dates as dayjs for the pickers, the rest as the API has them. */
export type PersonFormValues = Omit<
  TPersonInput,
  'birthDate' | 'partyJoinedOn' | 'partyFullMemberOn' | 'idCard' | 'phone'
> & {
  birthDate?: Dayjs | null;
  partyJoinedOn?: Dayjs | null;
  partyFullMemberOn?: Dayjs | null;
  idCard?: string;
  phone?: string;
};

/** The form's field names, for putting the server's field problems on them. */
export const PERSON_FIELDS = [
  'employeeNo',
  'name',
  'gender',
  'birthDate',
  'idCard',
  'phone',
  'unitId',
  'politicalStatus',
  'partyJoinedOn',
  'partyFullMemberOn',
  'positions',
  'cadreRank',
  'education',
  'employmentStatus',
] as const;

// The formats of ZEmployeeNo and ZPhone in packages/shared (zod itself stays off the pages).
const EMPLOYEE_NO = /^[A-Za-z0-9-]{2,20}$/;
const PHONE = /^1[3-9]\d{9}$/;
const MEMBER: readonly string[] = PARTY_MEMBER_STATUSES;

export function personFormValues(p: TPerson): PersonFormValues {
  return {
    ...p,
    birthDate: toDayjs(p.birthDate),
    partyJoinedOn: toDayjs(p.partyJoinedOn),
    partyFullMemberOn: toDayjs(p.partyFullMemberOn),
    idCard: undefined,
    phone: p.phone ?? undefined,
  };
}

/**
 * The API input of the form. Party dates that do not apply to the political status are sent
 * empty; an ID card left empty is not sent at all (when editing, empty means "keep it").
 */
export function personInput(v: PersonFormValues): TPersonInput {
  const member = MEMBER.includes(v.politicalStatus);
  const idCard = v.idCard?.trim().toUpperCase();
  return {
    employeeNo: v.employeeNo.trim(),
    name: v.name.trim(),
    gender: v.gender,
    birthDate: fromDayjs(v.birthDate),
    ...(idCard ? { idCard } : {}),
    phone: v.phone?.trim() || null,
    unitId: v.unitId,
    politicalStatus: v.politicalStatus,
    partyJoinedOn: member ? fromDayjs(v.partyJoinedOn) : null,
    partyFullMemberOn: v.politicalStatus === 'party_member' ? fromDayjs(v.partyFullMemberOn) : null,
    positions: v.positions ?? [],
    cadreRank: v.cadreRank ?? null,
    education: v.education ?? null,
    employmentStatus: v.employmentStatus,
  };
}

const notFuture = (d: Dayjs) => d.isAfter(new Date(), 'day');

/**
 * The fields of a person, checked as the server checks them (formats, the ID card's check
 * digit); a valid ID card fills in the birth date and gender it encodes.
 */
export function PersonFormFields({
  form,
  maskedIdCard,
}: {
  form: FormInstance;
  maskedIdCard?: string | null;
}) {
  const { t } = useTranslation('people');
  const labels = useLabels();
  const status = Form.useWatch('politicalStatus', form) as string | undefined;
  const member = status !== undefined && MEMBER.includes(status);

  const onIdCard = (value: string) => {
    const id = value.trim().toUpperCase();
    if (id.length === 18 && idCardProblem(id) === null) {
      const facts = idCardFacts(id);
      form.setFieldsValue({ birthDate: toDayjs(facts.birthDate), gender: facts.gender });
    }
  };
  const col = { xs: 24, md: 12, xl: 8 };

  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item
          name="employeeNo"
          label={t('fields.employeeNo')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { pattern: EMPLOYEE_NO, message: t('form.employeeNoFormat') },
          ]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="name"
          label={t('fields.name')}
          rules={[{ required: true, whitespace: true, max: 40, message: t('form.nameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="gender"
          label={t('fields.gender')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={labels.options(GENDERS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="idCard"
          label={t('fields.idCard')}
          extra={maskedIdCard ? t('form.idCardKeep', { masked: maskedIdCard }) : undefined}
          rules={[
            {
              validator: (_, value?: string) => {
                const problem = value?.trim() ? idCardProblem(value) : null;
                return problem ? Promise.reject(new Error(t(`form.idCard.${problem}`))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" onChange={(e) => onIdCard(e.target.value)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="birthDate" label={t('fields.birthDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="phone"
          label={t('fields.phone')}
          rules={[{ pattern: PHONE, message: t('form.phoneFormat') }]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="unitId"
          label={t('fields.unit')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <UnitTreeSelect allowClear={false} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="politicalStatus"
          label={t('fields.politicalStatus')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={labels.options(POLITICAL_STATUSES)} />
        </Form.Item>
      </Col>
      {member && (
        <Col {...col}>
          <Form.Item
            name="partyJoinedOn"
            label={t('fields.partyJoinedOn')}
            rules={[{ required: status === 'party_member', message: t('form.joinedRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Col>
      )}
      {status === 'party_member' && (
        <Col {...col}>
          <Form.Item
            name="partyFullMemberOn"
            label={t('fields.partyFullMemberOn')}
            dependencies={['partyJoinedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: Dayjs | null) => {
                  const joined = getFieldValue('partyJoinedOn') as Dayjs | null | undefined;
                  return value && joined && value.isBefore(joined, 'day')
                    ? Promise.reject(new Error(t('form.fullBeforeJoined')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Col>
      )}
      <Col {...col}>
        <Form.Item name="positions" label={t('fields.positions')}>
          <Select mode="multiple" options={labels.options(POSITIONS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="cadreRank" label={t('fields.cadreRank')}>
          <Select allowClear options={labels.options(CADRE_RANKS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="education" label={t('fields.education')}>
          <Select allowClear options={labels.options(EDUCATION_LEVELS)} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="employmentStatus"
          label={t('fields.employmentStatus')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select options={labels.options(EMPLOYMENT_STATUSES)} />
        </Form.Item>
      </Col>
    </Row>
  );
}

import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { TPerson } from '@lifeline/shared';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReportError } from '../../admin-kit/use-report-error';
import { useReadIdCard } from '../api';

/**
 * The ID-card number, masked; the full number only on request, for users allowed to read it,
 * because every read is written to the audit trail.
 */
export function IdCardValue({ person }: { person: TPerson }) {
  const { t } = useTranslation(['people', 'admin-kit']);
  const read = useReadIdCard();
  const reportError = useReportError();
  if (!person.idCardMasked) return <>{t('admin-kit:none')}</>;
  const full = read.data?.idCard;
  return (
    <Flex align="center" gap="small" wrap>
      <Typography.Text copyable={full ? { text: full } : false} data-testid="id-card">
        {full ?? person.idCardMasked}
      </Typography.Text>
      {person.abilities.readIdCard &&
        (full ? (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => read.reset()}>
            {t('detail.hideIdCard')}
          </Button>
        ) : (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={read.isPending}
            title={t('detail.showIdCardHint')}
            onClick={() => read.mutate(person.id, { onError: reportError })}
          >
            {t('detail.showIdCard')}
          </Button>
        ))}
    </Flex>
  );
}

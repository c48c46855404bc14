import type { TPeopleImport } from '@lifeline/shared';
import { Button, Col, Result, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The last step: how many people were created, updated and left as they were. */
export function ImportResultStep({ job, onRestart }: { job: TPeopleImport; onRestart: () => void }) {
  const { t } = useTranslation('people-import');
  const navigate = useNavigate();
  const skipped = job.mode === 'valid_only' ? job.invalidRows : 0;
  return (
    <Result
      status="success"
      title={t('result.title')}
      subTitle={
        skipped > 0 ? t('result.skipped', { count: skipped }) : t('result.subtitle', { file: job.fileName })
      }
      extra={[
        <Button key="people" type="primary" onClick={() => navigate('/people')}>
          {t('result.toPeople')}
        </Button>,
        <Button key="again" onClick={onRestart}>
          {t('result.again')}
        </Button>,
      ]}
    >
      <Row
        gutter={16}
        style={{ maxWidth: 480, margin: '0 auto', textAlign: 'center' }}
        data-testid="import-result"
      >
        <Col span={8}>
          <Statistic title={t('result.created')} value={job.created} />
        </Col>
        <Col span={8}>
          <Statistic title={t('result.updated')} value={job.updated} />
        </Col>
        <Col span={8}>
          <Statistic title={t('result.unchanged')} value={job.unchanged} />
        </Col>
        {job.missingAs && (
          <Col span={24} style={{ marginTop: 16 }}>
            <Statistic
              title={t(job.missingAs === 'resigned' ? 'result.markedResigned' : 'result.markedTransferred')}
              value={job.marked}
            />
          </Col>
        )}
      </Row>
    </Result>
  );
}

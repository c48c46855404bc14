import { ArrowLeftOutlined, ExclamationCircleOutlined, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Result, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../../app/pages/page-loading';
import { errorMessage } from '../../../i18n/error-message';
import { PageHeader } from '../../admin-kit/page-header';
import { idParam } from '../../admin-kit/url-filters';
import { REVIEWS_KEY, useMyReview, useMyReviews, useReviewCycle } from '../api';
import { ConflictModal } from './conflict-modal';
import { ProjectSummary } from './project-summary';
import { ScoreForm } from './score-form';
import { SubmittedReview } from './submitted-review';

/**
 * One assignment: the project's summary, then either the scoring form (a draft until it is
 * submitted, which is final) or, once submitted, my review beside the other reviewers' reviews.
 * The others are never shown before: the server sends them only after my submission.
 */
export function ReviewScorePage() {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit', 'errors', 'common']);
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = idParam(useParams().id);
  const review = useMyReview(id);
  const cycle = useReviewCycle(review.data?.cycleId);
  const mine = useMyReviews();
  const [declaring, setDeclaring] = useState(false);

  if (id === undefined || review.isError) {
    return (
      <Result
        status="404"
        title={t('score.notFound')}
        subTitle={review.isError ? errorMessage(t, review.error) : t('score.notFoundHint')}
        extra={<Button onClick={() => navigate('/innovation-reviews')}>{t('score.backToList')}</Button>}
      />
    );
  }
  if (!review.data) return <PageLoading />;
  const r = review.data;
  const submitted = r.state === 'submitted';

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap="small" wrap>
            <span>{t('score.title', { code: r.projectCode })}</span>
            {submitted ? (
              <Tag color="green" icon={<LockOutlined />}>
                {t('state.submitted')}
              </Tag>
            ) : (
              <Tag color="orange">{t('state.assigned')}</Tag>
            )}
          </Flex>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/innovation-reviews')}>
              {t('score.backToList')}
            </Button>
            {!submitted && (
              <Button icon={<ExclamationCircleOutlined />} onClick={() => setDeclaring(true)}>
                {t('conflict.openForProject')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap="middle">
        <ProjectSummary review={r} />
        {cycle.isError ? (
          <Alert
            type="error"
            showIcon
            title={t('score.rubricFailed', { reason: errorMessage(t, cycle.error) })}
            action={
              <Button size="small" onClick={() => void cycle.refetch()}>
                {t('common:actions.retry')}
              </Button>
            }
          />
        ) : !cycle.data ? (
          <PageLoading />
        ) : submitted ? (
          <SubmittedReview review={r} rubric={cycle.data.rubric} />
        ) : (
          <ScoreForm key={r.version} review={r} rubric={cycle.data.rubric} />
        )}
      </Flex>
      {declaring && (
        <ConflictModal
          reviews={mine.data ?? [r]}
          projectId={r.projectId}
          onDeclared={() => {
            // A declaration with this project withdraws the assignment: back to the list.
            navigate('/innovation-reviews');
            client.removeQueries({ queryKey: [...REVIEWS_KEY, 'one', r.id] });
          }}
          onClose={() => setDeclaring(false)}
        />
      )}
    </>
  );
}

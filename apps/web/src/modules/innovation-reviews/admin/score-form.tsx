import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { RECOMMENDATIONS, type TRecommendation, type TRubricDimension } from '@lifeline/shared';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Slider,
  Statistic,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error';
import { useLabels } from '../../admin-kit/labels';
import { useReportError } from '../../admin-kit/use-report-error';
import { REVIEWS_KEY, type TMyReview, type TScoreBody, useSaveReview } from '../api';
import { dimensionName, formatScore, liveTotal, weightShare } from '../rubric';

type Values = {
  scores: Record<string, number | null | undefined>;
  comments: Record<string, string | undefined>;
  overallComment?: string;
  recommendation?: TRecommendation | null;
};

/** A 0–100 score as a slider and a number box side by side (an antd form control). */
function ScoreInput({
  value,
  onChange,
  id,
  label,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  label: string;
}) {
  const unset = value === null || value === undefined;
  return (
    <Flex align="center" gap="middle">
      <Slider
        className={unset ? 'll-score-slider ll-score-unset' : 'll-score-slider'}
        min={0}
        max={100}
        value={value ?? 0}
        onChange={(v) => onChange?.(v)}
        tooltip={{ open: false }}
        aria-hidden
        tabIndex={-1}
      />
      <InputNumber<number>
        id={id}
        aria-label={label}
        min={0}
        max={100}
        step={1}
        value={value ?? null}
        onChange={(v) => onChange?.(v ?? null)}
        style={{ width: 96 }}
      />
    </Flex>
  );
}

/** The form's values as the API takes them: only entered scores, only non-empty comments. */
function toBody(v: Values, submit: boolean, version: number): TScoreBody {
  const scores: Record<string, number> = {};
  for (const [k, s] of Object.entries(v.scores ?? {})) if (typeof s === 'number') scores[k] = s;
  const comments: Record<string, string> = {};
  for (const [k, c] of Object.entries(v.comments ?? {})) if (c?.trim()) comments[k] = c.trim();
  return {
    scores,
    comments,
    overallComment: v.overallComment?.trim() ?? '',
    recommendation: v.recommendation ?? null,
    submit,
    version,
  };
}

/**
 * Scoring on the cycle's rubric: one 0–100 score and a comment per dimension, the live weighted
 * total, the overall comment and recommendation. A draft can be saved at any time; submitting
 * needs every score and a recommendation, is confirmed first and cannot be undone.
 */
export function ScoreForm({ review: r, rubric }: { review: TMyReview; rubric: TRubricDimension[] }) {
  const { t } = useTranslation(['innovation-reviews', 'admin-kit']);
  const labels = useLabels();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const scores = Form.useWatch('scores', form);
  const save = useSaveReview(r.id);
  const reportError = useReportError([REVIEWS_KEY]);
  const { total, complete } = liveTotal(rubric, scores ?? r.scores);

  const onError = (error: unknown) => {
    reportError(error);
    // Submitted elsewhere meanwhile, or withdrawn: show what the server has now.
    if (error instanceof ApiError && ['conflict', 'invalid_transition', 'not_found'].includes(error.code))
      void client.invalidateQueries({ queryKey: REVIEWS_KEY });
  };

  const onSaveDraft = () => {
    // A promise, not mutate's callbacks: those are dropped when the form remounts on the new version.
    save
      .mutateAsync(toBody(form.getFieldsValue(true) as Values, false, r.version))
      .then(() => void message.success(t('score.draftSaved')))
      .catch(onError);
  };

  const onSubmit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      void message.warning(t('score.incomplete'));
      return;
    }
    const all = { ...(form.getFieldsValue(true) as Values), ...values };
    const sum = liveTotal(rubric, all.scores).total;
    modal.confirm({
      title: t('score.confirmTitle'),
      content: t('score.confirmBody', { total: formatScore(sum, labels.lang) }),
      okText: t('score.submit'),
      cancelText: t('admin-kit:actions.cancel'),
      onOk: () =>
        save
          .mutateAsync(toBody(all, true, r.version))
          .then(() => void message.success(t('score.submitted')))
          .catch(onError),
    });
  };

  return (
    <Form<Values>
      name="review-score"
      form={form}
      layout="vertical"
      initialValues={{
        scores: r.scores,
        comments: r.comments,
        overallComment: r.overallComment,
        recommendation: r.recommendation,
      }}
      requiredMark={false}
    >
      <Alert type="info" showIcon title={t('score.blindHint')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('score.rubric')} size="small">
            {rubric.map((d) => {
              const name = dimensionName(d, labels.lang);
              return (
                <div key={d.key} className="ll-dimension" data-testid={`dimension-${d.key}`}>
                  <Flex justify="space-between" align="baseline" wrap gap="small">
                    <Typography.Text strong>{name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('score.weight', { share: weightShare(rubric, d) })}
                    </Typography.Text>
                  </Flex>
                  <Form.Item
                    name={['scores', d.key]}
                    rules={[{ required: true, message: t('score.scoreRequired', { name }) }]}
                    style={{ marginBottom: 8 }}
                  >
                    <ScoreInput label={t('score.scoreLabel', { name })} />
                  </Form.Item>
                  <Form.Item
                    name={['comments', d.key]}
                    rules={[{ max: 2000, message: t('score.tooLong', { max: 2000 }) }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={2000}
                      placeholder={t('score.commentPlaceholder', { name })}
                      aria-label={t('score.commentLabel', { name })}
                    />
                  </Form.Item>
                </div>
              );
            })}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('score.summary')} className="ll-score-summary">
            <Statistic
              title={complete ? t('score.total') : t('score.totalPartial')}
              value={total === null ? t('admin-kit:none') : formatScore(total, labels.lang)}
              suffix={total === null ? undefined : '/ 100'}
              data-testid="live-total"
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
              {t('score.totalHint')}
            </Typography.Paragraph>
            <Form.Item
              name="recommendation"
              label={t('fields.recommendation')}
              rules={[{ required: true, message: t('score.recommendationRequired') }]}
            >
              <Radio.Group className="ll-recommendations">
                {RECOMMENDATIONS.map((x) => (
                  <Radio key={x.code} value={x.code}>
                    {labels.label(RECOMMENDATIONS, x.code)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="overallComment"
              label={t('fields.overallComment')}
              rules={[{ max: 4000, message: t('score.tooLong', { max: 4000 }) }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={4000}
                placeholder={t('score.overallPlaceholder')}
              />
            </Form.Item>
            <Flex gap="small" wrap>
              <Button
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={onSaveDraft}
                data-testid="save-draft"
              >
                {t('score.saveDraft')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={save.isPending}
                onClick={() => void onSubmit()}
                data-testid="submit-review"
              >
                {t('score.submit')}
              </Button>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              {t('score.submitHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}

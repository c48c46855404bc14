import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, type FormInstance, type FormRule, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberCell } from '../../admin-kit/form-cells';

/** A category as the form holds it; `saved` ones keep their code (items refer to it). */
export type CategoryRow = {
  code?: string;
  zh?: string;
  en?: string;
  answerDays?: number | null;
  active?: boolean;
  saved?: boolean;
};

/** The hotline's categories: code, names in both languages, days to answer, active. */
export function CategoryList({
  form,
  codeRules,
  range,
}: {
  form: FormInstance;
  codeRules: FormRule[];
  range: (min: number, max: number) => FormRule;
}) {
  const { t } = useTranslation('hotline-desk');
  return (
    <Form.List name="categories">
      {(fields, { add, remove }) => (
        <div data-testid="hotline-categories">
          <Row gutter={8} className="ll-hl-small" style={{ fontWeight: 600, marginBottom: 4 }}>
            <Col xs={0} md={4}>
              {t('settings.category.code')}
            </Col>
            <Col xs={0} md={5}>
              {t('settings.category.zh')}
            </Col>
            <Col xs={0} md={6}>
              {t('settings.category.en')}
            </Col>
            <Col xs={0} md={4}>
              {t('settings.category.answerDays')}
            </Col>
            <Col xs={0} md={3}>
              {t('settings.category.active')}
            </Col>
          </Row>
          {fields.map((f) => {
            const saved = form.getFieldValue(['categories', f.name, 'saved']) as boolean | undefined;
            const n = f.name + 1;
            return (
              <Row key={f.key} gutter={8} align="top" data-testid="category-row">
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'code']} rules={codeRules}>
                    <Input
                      disabled={saved}
                      aria-label={t('settings.category.codeOf', { n })}
                      placeholder={t('settings.category.code')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[f.name, 'zh']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 20,
                        message: t('settings.category.zhRule'),
                      },
                    ]}
                  >
                    <Input
                      aria-label={t('settings.category.zhOf', { n })}
                      placeholder={t('settings.category.zh')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[f.name, 'en']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 40,
                        message: t('settings.category.enRule'),
                      },
                    ]}
                  >
                    <Input
                      aria-label={t('settings.category.enOf', { n })}
                      placeholder={t('settings.category.en')}
                    />
                  </Form.Item>
                </Col>
                <NumberCell
                  xs={6}
                  md={4}
                  name={[f.name, 'answerDays']}
                  rules={[range(1, 60)]}
                  input={{
                    min: 1,
                    max: 60,
                    precision: 0,
                    'aria-label': t('settings.category.answerDaysOf', { n }),
                  }}
                />
                <Col xs={4} md={3}>
                  <Form.Item name={[f.name, 'active']} valuePropName="checked">
                    <Switch aria-label={t('settings.category.activeOf', { n })} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={2}>
                  {!saved && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('settings.category.remove', { n })}
                    />
                  )}
                </Col>
              </Row>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ code: '', zh: '', en: '', answerDays: 5, active: true, saved: false })}
            disabled={fields.length >= 40}
            data-testid="add-category"
          >
            {t('settings.category.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

import { DeleteOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  type ColProps,
  Form,
  type FormItemProps,
  InputNumber,
  type InputNumberProps,
} from 'antd';

type Span = Pick<ColProps, 'xs' | 'md' | 'lg' | 'xl'>;

/**
 * A number field in a form's grid: the column, the form item, and an InputNumber as wide as
 * the column. `input` takes the InputNumber's own settings (min, max, precision, suffix…).
 */
export function NumberCell({
  xs,
  md,
  lg,
  xl,
  input,
  testId,
  ...item
}: Span &
  Pick<FormItemProps, 'name' | 'label' | 'extra' | 'rules' | 'dependencies'> & {
    input?: InputNumberProps<number>;
    testId?: string;
  }) {
  return (
    <Col xs={xs} md={md} lg={lg} xl={xl}>
      <Form.Item {...item}>
        <InputNumber<number> style={{ width: '100%' }} {...input} data-testid={testId} />
      </Form.Item>
    </Col>
  );
}

/** The delete button of a list row, under an empty label so that it lines up with the fields. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Form.Item label=" " colon={false}>
      <Button danger type="text" icon={<DeleteOutlined />} aria-label={label} onClick={onClick} />
    </Form.Item>
  );
}

/** A Form.List validator: the list may not be empty. */
export function notEmpty(message: string) {
  return {
    validator: (_: unknown, rows: unknown[] | undefined) =>
      rows?.length ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}

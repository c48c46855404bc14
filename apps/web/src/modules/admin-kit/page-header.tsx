import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page's title (the page's one h1, sized as a card title) with its actions beside it; on a
 * phone the actions wrap below the title. Actions are not printed.
 */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap align="center" justify="space-between" gap="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={1} className="ll-page-title">
        {title}
      </Typography.Title>
      {extra && (
        <Flex wrap gap="small" className="ll-no-print">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

/** Prints the page as it is shown, without the menu, header and buttons (see desktop.css). */
export function PrintButton() {
  const { t } = useTranslation('admin-kit');
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
      {t('actions.print')}
    </Button>
  );
}

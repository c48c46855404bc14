import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with its actions beside it; on a phone the actions wrap below the title. */
export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <Flex wrap align="center" justify="space-between" gap="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && (
        <Flex wrap gap="small">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

import { Flex, Spin } from 'antd';

/** What a page shows while its code or first data loads. */
export function PageLoading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}

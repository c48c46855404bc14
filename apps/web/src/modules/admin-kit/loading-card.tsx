import { Card, Flex, Spin } from 'antd';

/** A card with a spinner: what stands where a lazily loaded part (a chart) is on its way. */
export function LoadingCard() {
  return (
    <Card>
      <Flex justify="center">
        <Spin />
      </Flex>
    </Card>
  );
}

import type { TProjectState } from '@lifeline/shared';
import { Tag } from 'antd';
import { STATE_COLORS, useInnovationLabels } from '../format';

/** A project's state as a coloured tag, with "late entry" beside it when it came in late. */
export function StateTag({ state, late }: { state: string; late?: boolean }) {
  const labels = useInnovationLabels();
  return (
    <>
      <Tag color={STATE_COLORS[state as TProjectState] ?? 'default'} data-state={state}>
        {labels.state(state)}
      </Tag>
      {late && <Tag color="orange">{labels.lateTag}</Tag>}
    </>
  );
}

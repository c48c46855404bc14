import { useParams } from 'react-router';
import { type TWellbeingSettings, useInstruments } from '../api';
import { NO_DRAFTS } from '../draft';
import { QueryState } from '../mobile/parts';
import { TakeFlow, UnknownInstrument } from '../mobile/take-flow';

/**
 * One scale taken anonymously: the member's flow with nothing kept and no draft. Loaded only
 * when a scale is opened, so that the list of scales (or the closed notice) loads no flow.
 */
export function PublicTake({ settings }: { settings: TWellbeingSettings }) {
  const code = useParams().code ?? '';
  const instruments = useInstruments();
  if (!instruments.data)
    return <QueryState error={instruments.error} onRetry={() => void instruments.refetch()} />;
  const def = instruments.data.find((d) => d.code === code);
  if (!def) return <UnknownInstrument audience="public" />;
  return (
    <TakeFlow
      key={code}
      def={def}
      consent={undefined}
      settings={settings}
      drafts={NO_DRAFTS}
      audience="public"
    />
  );
}

import { useMe } from '../../../api/me';
import { useConsents, useInstruments, useWellbeingSettings } from '../api';
import { personDrafts } from '../draft';
import { BackLink, QueryState } from './parts';
import { TakeFlow, UnknownInstrument } from './take-flow';

/** A member taking a scale: consent or self-check, with a draft kept on this phone. */
export function TakePage({ code }: { code: string }) {
  const me = useMe().data;
  const instruments = useInstruments();
  const consents = useConsents();
  const settings = useWellbeingSettings();
  const failed = instruments.error ?? consents.error ?? settings.error;
  if (!instruments.data || !consents.data || !settings.data || !me)
    return (
      <>
        <BackLink />
        <QueryState
          error={failed}
          onRetry={() => {
            void instruments.refetch();
            void consents.refetch();
            void settings.refetch();
          }}
        />
      </>
    );
  const def = instruments.data.find((d) => d.code === code);
  if (!def) return <UnknownInstrument />;
  return (
    <TakeFlow
      def={def}
      consent={consents.data.find((c) => c.instrument === code)}
      settings={settings.data}
      drafts={personDrafts(me.person.id)}
    />
  );
}

import { useMe } from '../../api/me';
import { canUse, type MobileModule } from '../../modules/module-types';
import { MobileNotFoundPage } from '../pages/mobile-not-found-page';

/** A module's mobile pages, for users who may use it (others see "not found", as the API answers). */
export function MobileModuleRoute({ entry }: { entry: MobileModule }) {
  const me = useMe().data;
  if (!me) return null;
  if (!canUse(entry, me.permissions)) return <MobileNotFoundPage />;
  const Page = entry.element;
  return <Page />;
}

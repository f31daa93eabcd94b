import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { can, type MeResponse, type Permission } from '@wfh/shared';
import { CarePage } from '../../../components/CarePage';
import { SignedIn } from '../../../components/SignedIn';
import { actorOf } from '../../../utils/voices';
import { useQueryParam } from '../../voices/hooks';

/**
 * A work page of one body (`?federationId=…`): drawn for someone whose roles there grant one of
 * `permissions` (the server's own rule), a plain refusal for anyone else.
 */
export function BodyPage({
  title,
  permissions,
  refusal,
  children,
}: {
  title: string;
  permissions: readonly Permission[];
  refusal: string;
  children: (me: MeResponse, federationId: string) => ReactNode;
}) {
  const federationId = useQueryParam('federationId');
  return (
    <CarePage title={title}>
      <SignedIn>
        {(me) =>
          federationId !== null && permissions.some((permission) => can(actorOf(me), permission, federationId)) ? (
            children(me, federationId)
          ) : (
            <Text className="body-text">{refusal}</Text>
          )
        }
      </SignedIn>
    </CarePage>
  );
}

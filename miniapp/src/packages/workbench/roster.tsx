import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { can, Permission, personLabel, type MeResponse, type RosterEntryView } from '@wfh/shared';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { actorOf, bodyNameOf, lastContactLine, sortRoster } from '../../utils/voices';
import { VoicesRoutes } from '../../utils/voices-routes';
import { BodyPage } from './components/BodyPage';
import { CareTagList } from './components/CareTags';
import { RosterAddForm } from './components/RosterAddForm';
import { RosterInvite } from './components/RosterInvite';
import { useRoster } from './voices-hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

function RosterItem({ entry, showMember }: { entry: RosterEntryView; showMember: boolean }) {
  return (
    <View
      className={entry.careDue ? 'place-item roster-item roster-item-due' : 'place-item roster-item'}
      data-entry={entry.id}
      hoverClass="place-item-pressed"
      onClick={() => void Taro.navigateTo({ url: VoicesRoutes.rosterEntry(entry.id) })}
    >
      <Text className="place-name roster-name">{personLabel(entry.name, { as: 'resident' })}</Text>
      <CareTagList tags={entry.tags} careDue={entry.careDue} />
      <Text className="place-address roster-phone">{entry.phone || '她自己通过邀请码加入，没有留电话'}</Text>
      <Text className="place-address roster-last">{lastContactLine(entry)}</Text>
      {showMember && <Text className="place-address roster-member">执委：{personLabel(entry.memberName, { as: 'member' })}</Text>}
    </View>
  );
}

function Roster({ me, federationId, federationName }: { me: MeResponse; federationId: string; federationName: string }) {
  const actor = actorOf(me);
  const keeps = can(actor, Permission.KeepRoster, federationId);
  const oversees = can(actor, Permission.OverseeRosters, federationId);
  const { state, reload, set } = useRoster(federationId);
  const [adding, setAdding] = useState(false);

  const added = (entry: RosterEntryView) => {
    if (state.status === 'ready') set([entry, ...state.data]);
    setAdding(false);
  };

  return (
    <View>
      <View className="card">
        <Text className="card-title">{federationName ? `${federationName}联系名单` : '联系名单'}</Text>
        <Text className="hint roster-who-sees">
          {oversees
            ? '您能看到本村（社区）所有执委的名单；别人名单上的电话只显示一部分。'
            : '这份名单只有您和村（社区）妇联主席能看到。'}
        </Text>
        {keeps && !adding && (
          <Button className="btn btn-primary open-roster-add" hoverClass="btn-pressed" onClick={() => setAdding(true)}>
            添加联系人
          </Button>
        )}
        {keeps && <RosterInvite federationId={federationId} />}
      </View>

      {adding && <RosterAddForm federationId={federationId} onAdded={added} />}

      <View className="card roster-list">
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
        {state.status === 'ready' && state.data.length === 0 && (
          <Text className="body-text roster-none">名单里还没有人。征得她同意后添加，或者请她用邀请码自己加入。</Text>
        )}
        {state.status === 'ready' &&
          sortRoster(state.data).map((entry) => (
            <RosterItem key={entry.id} entry={entry} showMember={oversees && entry.memberUserId !== me.user.id} />
          ))}
      </View>
    </View>
  );
}

/** 联系名单: the women an executive member keeps in touch with; the chair sees every member's. */
export default function RosterPage() {
  return (
    <BodyPage title="联系名单" permissions={[Permission.KeepRoster, Permission.OverseeRosters]} refusal="您在这里没有联系名单。">
      {(me, federationId) => <Roster me={me} federationId={federationId} federationName={bodyNameOf(me, federationId)} />}
    </BodyPage>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { RosterInvitationView } from '@wfh/shared';
import { acceptRosterInvitation, ApiError } from '../../api';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import { formatDate } from '../../utils/time';
import { FieldLabel, TextField } from '../requests/components/FormParts';
import { BusyButton } from './components/BusyButton';
import { Loaded } from './components/Loaded';
import { useQueryParam, useRosterInvitation } from './hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

const normalised = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** Who invites her and what joining means; joining is her own consent, so it takes her own tap. */
function Invitation({ invitation, onJoined }: { invitation: RosterInvitationView; onJoined: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const accept = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await acceptRosterInvitation(invitation.code);
      onJoined();
    } catch (caught) {
      setProblem((caught instanceof ApiError ? caught : ApiError.network()).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card invitation">
      <Text className="sheet-title invitation-who">
        {/* Without her name the sentence still reads: 懿路村妇联执委邀请您… */}
        {invitation.federationName}执委{invitation.memberName ?? ''}邀请您加入她的联系名单
      </Text>
      <Text className="body-text">加入后，她会不时上门看看、打电话问问您的情况，有难处可以直接跟她说。</Text>
      <Text className="hint">她能看到您在小程序里的名字，并记下每次联系的情况；这些只有她和村（社区）妇联主席能看到。以后不想要了，跟她说一声就可以。</Text>
      <Text className="hint">邀请码{formatDate(invitation.expiresAt)}前有效。</Text>
      {problem && <Text className="field-error join-problem">{problem}</Text>}
      <BusyButton className="btn-primary accept-invitation" busy={busy} onClick={() => void accept()}>
        我同意加入
      </BusyButton>
    </View>
  );
}

function Lookup({ code, onJoined }: { code: string; onJoined: () => void }) {
  return <Loaded loaded={useRosterInvitation(code)}>{(invitation) => <Invitation invitation={invitation} onJoined={onJoined} />}</Loaded>;
}

/** 加入联系名单: she types the code an executive member gave her (or opens a link that carries it). */
export default function JoinRosterPage() {
  const given = normalised(useQueryParam('code') ?? '');
  const [typed, setTyped] = useState(given);
  const [code, setCode] = useState<string | null>(given === '' ? null : given);
  const [joined, setJoined] = useState(false);

  return (
    <CarePage title="加入联系名单">
      <SignedIn>
        {() =>
          joined ? (
            <View className="card joined">
              <Text className="sheet-title">已加入</Text>
              <Text className="body-text">谢谢您。执委会和您保持联系。</Text>
              <Button className="btn btn-secondary" hoverClass="btn-pressed" onClick={() => void Taro.switchTab({ url: Routes.home })}>
                回到首页
              </Button>
            </View>
          ) : (
            <View>
              <View className="card">
                <FieldLabel text="邀请码" required />
                <TextField className="invitation-code" value={typed} onChange={setTyped} maxLength={16} placeholder="执委告诉您的8位码" />
                <Button
                  className="btn btn-primary look-up-invitation"
                  hoverClass="btn-pressed"
                  onClick={() => setCode(normalised(typed) === '' ? null : normalised(typed))}
                >
                  查看邀请
                </Button>
              </View>
              {code !== null && <Lookup code={code} onJoined={() => setJoined(true)} />}
            </View>
          )
        }
      </SignedIn>
    </CarePage>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RoleKind, type RoleInvitationView } from '@wfh/shared';
import { acceptRoleInvitation, ApiError, fetchRoleInvitation } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { Routes } from '../../utils/routes';
import { formatDate } from '../../utils/time';
import { FieldError, FieldLabel, TextField } from '../requests/components/FormParts';
import '../../styles/requests.css';

/** The role as said after the body's name: "懿路村妇联" + "主席". */
const ROLE_TITLES: Record<RoleKind, string> = {
  [RoleKind.Chair]: '主席',
  [RoleKind.Deputy]: '副主席',
  [RoleKind.Staff]: '工作人员',
  [RoleKind.Admin]: '管理员',
  [RoleKind.Executive]: '执委',
};

/** Codes are read out over the phone: spaces and small letters are forgiven. */
const cleaned = (code: string) => code.replace(/\s+/g, '').toUpperCase();

const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught : ApiError.network()).message;

type Step = { at: 'code' } | { at: 'offer'; invitation: RoleInvitationView } | { at: 'done'; invitation: RoleInvitationView };

function Done({ invitation }: { invitation: RoleInvitationView }) {
  return (
    <View className="card role-accepted">
      <Text className="sheet-title">
        您已是{invitation.federationName}
        {ROLE_TITLES[invitation.role]}
      </Text>
      <Text className="body-text">工作台里可以办理这里的工作。</Text>
      {/* reLaunch: the 我的 tab underneath still shows her roles from before. */}
      <Button className="btn btn-primary open-workbench" hoverClass="btn-pressed" onClick={() => void Taro.reLaunch({ url: Routes.workbench })}>
        进入我的工作台
      </Button>
    </View>
  );
}

function JoinSteps() {
  const [typed, setTyped] = useState('');
  const [step, setStep] = useState<Step>({ at: 'code' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Step>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setStep(await work());
    } catch (caught) {
      setProblem(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const lookUp = () => {
    const code = cleaned(typed);
    if (code === '') {
      setProblem('请输入县妇联给您的邀请码');
      return;
    }
    void run(async () => ({ at: 'offer', invitation: await fetchRoleInvitation(code) }));
  };

  const accept = (invitation: RoleInvitationView) =>
    void run(async () => {
      await acceptRoleInvitation(invitation.code);
      return { at: 'done', invitation };
    });

  if (step.at === 'done') return <Done invitation={step.invitation} />;
  if (step.at === 'offer') {
    const { invitation } = step;
    return (
      <View className="card role-offer">
        <Text className="sheet-title role-offer-title">
          邀请您担任{invitation.federationName}
          {ROLE_TITLES[invitation.role]}
        </Text>
        <Text className="body-text">邀请给：{invitation.inviteeName}。如果不是您，请不要接受，告诉县妇联。</Text>
        <Text className="hint">邀请码{formatDate(invitation.expiresAt)}前有效，只能用一次。</Text>
        <FieldError message={problem ?? undefined} />
        <Button className="btn btn-primary accept-role" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => accept(invitation)}>
          接受邀请
        </Button>
        <Button className="btn btn-secondary" hoverClass="btn-pressed" onClick={() => setStep({ at: 'code' })}>
          不接受
        </Button>
      </View>
    );
  }
  return (
    <View className="card">
      <FieldLabel text="邀请码" required />
      <TextField className="role-code-input" value={typed} onChange={setTyped} maxLength={16} placeholder="县妇联告诉您的8位码" />
      <FieldError message={problem ?? undefined} />
      <Button className="btn btn-primary look-up-role" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={lookUp}>
        查看邀请
      </Button>
    </View>
  );
}

/** 输入邀请码: a county invites her to a role; she sees which one, then takes it up. */
export default function JoinRolePage() {
  return (
    <CarePage title="接受职务邀请">
      <SignedIn>{() => <JoinSteps />}</SignedIn>
    </CarePage>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { personLabel, ROLE_LABELS, RoleKind, roleMayBeHeldAt, type BodyMember, type RoleInvitationView } from '@wfh/shared';
import { inviteToRole, revokeRole } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { formatDate } from '../../../utils/time';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { useBodyMembers, useChange } from '../hooks';
import { ActionButton, withServerProblem } from './ActionButton';
import { BodyPicker, type PickedBody } from './BodyPicker';

const NAME_LIMIT = 40;
const ROLES = Object.values(RoleKind);

/** The code, large, to read out over the phone or copy into a chat. */
function InvitationCode({ invitation }: { invitation: RoleInvitationView }) {
  return (
    <View className="form-notice role-invitation">
      <Text className="sheet-title">
        邀请{invitation.inviteeName}担任{invitation.federationName}的{ROLE_LABELS[invitation.role]}
      </Text>
      <Text className="rating-code role-code">{invitation.code}</Text>
      <Text className="body-text role-code-how">请她登录后在‘我的’里输入邀请码</Text>
      <Text className="hint role-code-expiry">{formatDate(invitation.expiresAt)}前有效，只能用一次。</Text>
      <Button
        className="btn btn-secondary copy-role-code"
        hoverClass="btn-pressed"
        onClick={() => void Taro.setClipboardData({ data: invitation.code }).catch(() => undefined)}
      >
        复制邀请码
      </Button>
    </View>
  );
}

function InviteForm({ body }: { body: PickedBody }) {
  const roles = ROLES.filter((role) => roleMayBeHeldAt(role, body.id));
  const [role, setRole] = useState<RoleKind | undefined>(roles.length === 1 ? roles[0] : undefined);
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Array<{ field: string; message: string }>>([]);
  const [invitation, setInvitation] = useState<RoleInvitationView | null>(null);
  const { busy, problem, run } = useChange();

  const invite = () => {
    const found = [
      ...(role === undefined ? [{ field: 'role', message: '请选择职务' }] : []),
      ...(name.trim() === '' ? [{ field: 'name', message: '请填写她的名字' }] : []),
    ];
    setProblems(found);
    if (found.length > 0 || role === undefined) return;
    void run(async () => {
      setInvitation(await inviteToRole(body.id, { role, inviteeName: name.trim() }));
      setName('');
    });
  };

  return (
    <View className="invite-form">
      <Text className="sheet-title">邀请担任职务</Text>
      <View className="form-field">
        <FieldLabel text="职务" required />
        <ChoiceButtons name="invite-role" options={roles.map((kind) => [kind, ROLE_LABELS[kind]] as const)} value={role} onChange={setRole} />
      </View>
      <View className="form-field">
        <FieldLabel text="她的名字" required />
        <TextField className="invitee-name" value={name} onChange={setName} limit={NAME_LIMIT} placeholder="她接受邀请时会看到" />
      </View>
      <FormErrors problems={withServerProblem(problems, problem)} />
      <ActionButton className="btn-primary send-invitation" busy={busy} onClick={invite}>
        生成邀请码
      </ActionButton>
      {invitation && <InvitationCode invitation={invitation} />}
    </View>
  );
}

function MemberRow({ member, federationId, onRevoked }: { member: BodyMember; federationId: string; onRevoked: () => void }) {
  const { busy, problem, confirmThenRun } = useChange();
  const who = personLabel(member.displayName, { as: 'member', since: member.since });
  const revoke = () =>
    confirmThenRun(
      {
        title: '撤销职务？',
        content: `撤销后，${who}不再是${ROLE_LABELS[member.role]}，马上不能再处理这里的工作。`,
        confirmText: '撤销',
        cancelText: '不撤销',
      },
      async () => {
        await revokeRole(federationId, { userId: member.userId, role: member.role });
        onRevoked();
      },
    );
  return (
    <View className="member-row" data-user={member.userId}>
      <Text className="place-name member-name">{who}</Text>
      <Text className="place-address member-role">
        {ROLE_LABELS[member.role]}，{formatDate(member.since)}起
      </Text>
      <ActionButton className="btn-secondary revoke-role" busy={busy} onClick={() => void revoke()}>
        撤销职务
      </ActionButton>
      <FieldError message={problem ?? undefined} />
    </View>
  );
}

function Members({ body }: { body: PickedBody }) {
  const { state, reload } = useBodyMembers(body.id);
  return (
    <View className="members">
      <Text className="sheet-title">{body.name}现在的职务</Text>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <Text className="body-text members-none">这里还没有人担任职务。</Text>}
      {state.status === 'ready' &&
        state.data.map((member) => (
          <MemberRow key={`${member.userId}:${member.role}`} member={member} federationId={body.id} onRevoked={reload} />
        ))}
    </View>
  );
}

/** 职务: who holds which role at a body of the county; a code to invite someone, a tap to revoke. */
export function RolesSection({ county }: { county: PickedBody }) {
  const [body, setBody] = useState<PickedBody | null>(county);
  return (
    <View className="card roles-section">
      <Text className="card-title">选择单位</Text>
      <BodyPicker county={county} levels={{ county: true, township: true, village: true }} value={body} onChange={setBody} name="role-body" />
      {body && (
        <View key={body.id}>
          <InviteForm body={body} />
          <Members body={body} />
        </View>
      )}
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { FederationDetail } from '@wfh/shared';
import { updateFederationProfile } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { FieldError, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { PLACE_LIMITS, profileChangesOf, profileDraftOf, profileProblems, type ProfileDraft } from '../places-draft';
import { usePlaceForm } from '../places-hooks';
import { LocationField } from './LocationField';

/** The body's address, phone, office hours and office location; only what she changed is sent. */
export function ProfileForm({
  body,
  onSaved,
  onCancel,
}: {
  body: FederationDetail;
  onSaved: (saved: FederationDetail) => void;
  onCancel: () => void;
}) {
  const { draft, change, problems, problemOf, serverError, busy, save } = usePlaceForm<ProfileDraft>(
    () => profileDraftOf(body),
    profileProblems,
    async (checked) => {
      const changes = profileChangesOf(checked, body);
      if (Object.keys(changes).length === 0) return onCancel();
      onSaved(await updateFederationProfile(body.id, changes));
      void Taro.showToast({ title: '已保存，大家马上就能看到', icon: 'none', duration: 2000 });
    },
  );

  return (
    <View className="request-form profile-form">
      <View className="form-field">
        <FieldLabel text="地址" required={false} />
        <TextField
          className="profile-address"
          value={draft.address}
          onChange={(address) => change({ address })}
          placeholder="例如：新台子镇懿路村村委会"
          limit={PLACE_LIMITS.address}
        />
        <FieldError message={problemOf('address')} />
      </View>
      <View className="form-field">
        <FieldLabel text="电话" required={false} />
        <TextField
          className="profile-phone"
          value={draft.phone}
          onChange={(phone) => change({ phone })}
          placeholder="例如：0410-1234567"
        />
        <FieldError message={problemOf('phone')} />
      </View>
      <View className="form-field">
        <FieldLabel text="办公时间" required={false} />
        <TextField
          className="profile-hours"
          value={draft.officeHours}
          onChange={(officeHours) => change({ officeHours })}
          placeholder="例如：周一至周五 8:30-17:00"
          limit={PLACE_LIMITS.officeHours}
        />
        <FieldError message={problemOf('officeHours')} />
      </View>
      <LocationField
        value={draft.location}
        required={false}
        onChange={(location, picked) => change(draft.address.trim() === '' && picked ? { location, address: picked.address.slice(0, PLACE_LIMITS.address) } : { location })}
        error={problemOf('location')}
      />
      <FormErrors problems={problems} />
      {serverError && (
        <View className="form-errors server-error" role="alert">
          <Text className="form-error server-error-text">{serverError}</Text>
        </View>
      )}
      <Button className="btn btn-primary save-profile" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void save()}>
        保存
      </Button>
      <Button className="btn btn-secondary cancel-profile" hoverClass="btn-pressed" disabled={onlyIf(busy)} onClick={onCancel}>
        不改了
      </Button>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SERVICE_CATEGORY_NAMES, SITE_KIND_LABELS, ServiceCategoryKey, SiteKind, type SiteDetail, type SiteSummary } from '@wfh/shared';
import { createSite, updateSite } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import {
  newSiteDraft,
  PLACE_LIMITS,
  siteChangesOf,
  siteDraftOf,
  siteInputOf,
  siteProblems,
  type SiteDraft,
} from '../places-draft';
import { usePlaceForm } from '../places-hooks';
import { HoursEditor } from './HoursEditor';
import { LocationField } from './LocationField';
import { ToggleChips } from './ToggleChips';

const KIND_OPTIONS = Object.values(SiteKind).map((kind) => [kind, SITE_KIND_LABELS[kind]] as const);
const SERVICE_OPTIONS = Object.values(ServiceCategoryKey).map((key) => [key, SERVICE_CATEGORY_NAMES[key]] as const);

/** A new site of the body (site null), or one of its sites to change. */
export function SiteForm({
  federationId,
  site,
  onSaved,
}: {
  federationId: string;
  site: SiteSummary | null;
  onSaved: (saved: SiteDetail) => void;
}) {
  const { draft, change, problems, problemOf, serverError, busy, save } = usePlaceForm<SiteDraft>(
    () => (site === null ? newSiteDraft() : siteDraftOf(site)),
    siteProblems,
    async (checked) => {
      const saved = site === null ? await createSite(federationId, siteInputOf(checked)) : await updateSite(site.id, siteChangesOf(checked));
      void Taro.showToast({ title: site === null ? '已添加，大家马上就能找到' : '已保存，大家马上就能看到', icon: 'none', duration: 2000 });
      onSaved(saved);
    },
  );

  return (
    <View className="request-form site-form">
      <View className="card">
        <View className="form-field">
          <FieldLabel text="哪一种阵地" required />
          <ChoiceButtons name="kind" options={KIND_OPTIONS} value={draft.kind ?? undefined} onChange={(kind) => change({ kind })} />
          <FieldError message={problemOf('kind')} />
        </View>
        <View className="form-field">
          <FieldLabel text="名称" required />
          <TextField
            className="site-name-input"
            value={draft.name}
            onChange={(name) => change({ name })}
            placeholder="例如：懿路村妇女之家"
            limit={PLACE_LIMITS.name}
          />
          <FieldError message={problemOf('name')} />
        </View>
        <View className="form-field">
          <FieldLabel text="地址" required />
          <TextField
            className="site-address-input"
            value={draft.address}
            onChange={(address) => change({ address })}
            placeholder="例如：懿路村村委会一楼"
            limit={PLACE_LIMITS.address}
          />
          <FieldError message={problemOf('address')} />
        </View>
        <LocationField
          value={draft.location}
          required
          onChange={(location, picked) =>
            change(draft.address.trim() === '' && picked ? { location, address: picked.address.slice(0, PLACE_LIMITS.address) } : { location })
          }
          error={problemOf('location')}
        />
        <View className="form-field">
          <FieldLabel text="电话" required={false} />
          <TextField
            className="site-phone-input"
            value={draft.phone}
            onChange={(phone) => change({ phone })}
            placeholder="例如：0410-1234567"
          />
          <FieldError message={problemOf('phone')} />
        </View>
      </View>

      <View className="card">
        <HoursEditor draft={draft} saved={site?.openingHours ?? null} onChange={change} error={problemOf('hours')} />
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="能办哪些事" required={false} />
          <ToggleChips name="service" options={SERVICE_OPTIONS} value={draft.services} onChange={(services) => change({ services })} />
          <FieldError message={problemOf('services')} />
        </View>
      </View>

      <FormErrors problems={problems} />
      {serverError && (
        <View className="form-errors server-error" role="alert">
          <Text className="form-error server-error-text">{serverError}</Text>
        </View>
      )}
      <Button className="btn btn-primary save-site" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void save()}>
        {site === null ? '添加这个阵地' : '保存修改'}
      </Button>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import {
  ACTIVITY_CATEGORY_LABELS,
  ACTIVITY_LIMITS,
  ActivityCategory,
  type ActivityDetail,
  type SiteSummary,
} from '@wfh/shared';
import { ApiError, createActivity, publishActivity, updateActivity } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { useFederationSites } from '../../../hooks/usePlaces';
import { picksPlacesOnMap } from '../../../utils/platform';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors, TextArea, TextField } from '../../requests/components/FormParts';
import { activityInputOf, activityProblems, draftOf, newActivityDraft, type ActivityDraft } from '../activity-draft';

const CATEGORY_OPTIONS = Object.values(ActivityCategory).map((category) => [category, ACTIVITY_CATEGORY_LABELS[category]] as const);

/** '' stands for 其他地点: an address of its own instead of one of the body's sites. */
const OTHER_PLACE = '';

const RELATIVES_OPTIONS = [
  [true, '可以为家人报名'],
  [false, '只能本人报名'],
] as const;

type TimeField = 'start' | 'end' | 'opens' | 'closes';

/** The server's names for the fields, as this form shows them: the place is one field here. */
const SERVER_FIELDS: Record<string, string> = { address: 'place', siteId: 'place', latitude: 'place', longitude: 'place' };

function DateTimeField({
  label,
  name,
  draft,
  onChange,
  error,
}: {
  label: string;
  name: TimeField;
  draft: ActivityDraft;
  onChange: (fields: Partial<ActivityDraft>) => void;
  error: string | undefined;
}) {
  const day = draft[`${name}Day`];
  const time = draft[`${name}Time`];
  return (
    <View className="form-field">
      <FieldLabel text={label} required />
      <View className="date-time-row">
        <View className="date-part">
          <Picker mode="date" value={day} onChange={(event) => onChange({ [`${name}Day`]: String(event.detail.value) })}>
            <View className={`form-input picker-field ${name}-day`}>{day}</View>
          </Picker>
        </View>
        <View className="time-part">
          <Picker mode="time" value={time} onChange={(event) => onChange({ [`${name}Time`]: String(event.detail.value) })}>
            <View className={`form-input picker-field ${name}-time`}>{time}</View>
          </Picker>
        </View>
      </View>
      <FieldError message={error} />
    </View>
  );
}

function PlaceField({
  federationId,
  savedSite,
  draft,
  onChange,
  error,
}: {
  federationId: string;
  /** The site it is held at now, offered even if the site has since been closed or moved to another body. */
  savedSite: { id: string; name: string } | null;
  draft: ActivityDraft;
  onChange: (fields: Partial<ActivityDraft>) => void;
  error: string | undefined;
}) {
  const sites = useFederationSites(federationId);
  const active: Array<Pick<SiteSummary, 'id' | 'name'>> =
    sites.state.status === 'ready' ? sites.state.data.filter((site) => site.active) : [];
  if (savedSite !== null && !active.some((site) => site.id === savedSite.id)) active.unshift(savedSite);

  const pickOnMap = async () => {
    try {
      const picked = await Taro.chooseLocation({});
      onChange({
        address:
          draft.address.trim() === ''
            ? [picked.address, picked.name].filter(Boolean).join(' ').slice(0, ACTIVITY_LIMITS.address)
            : draft.address,
        latitude: picked.latitude,
        longitude: picked.longitude,
      });
    } catch {
      // She closed the map without choosing: nothing changes.
    }
  };

  return (
    <View className="form-field">
      <FieldLabel text="活动地点" required />
      {sites.state.status === 'loading' && <Loading />}
      {sites.state.status === 'failed' && <LoadFailed message="没能取到本会的妇女之家" onRetry={sites.reload} />}
      <ChoiceButtons
        name="site"
        options={[...active.map((site) => [site.id, site.name] as const), [OTHER_PLACE, '其他地点'] as const]}
        value={draft.siteId ?? OTHER_PLACE}
        onChange={(siteId) => onChange({ siteId: siteId === OTHER_PLACE ? null : siteId })}
      />
      {draft.siteId === null && (
        <View className="form-field">
          <TextField
            className="activity-address"
            value={draft.address}
            onChange={(address) => onChange({ address })}
            placeholder="例如：懿路村文化广场"
            limit={ACTIVITY_LIMITS.address}
          />
          {picksPlacesOnMap && (
            <Button className="btn btn-secondary pick-on-map" hoverClass="btn-pressed" onClick={() => void pickOnMap()}>
              {draft.latitude === null ? '在地图上选位置' : '已选好位置，点这里重选'}
            </Button>
          )}
        </View>
      )}
      <FieldError message={error} />
    </View>
  );
}

/**
 * Creating or changing an activity. Everything the server would refuse for its limits or its times
 * is said here first; what only the server knows (seats already taken) comes back in its words.
 */
export function ActivityForm({
  federationId,
  activity,
  onSaved,
}: {
  federationId: string;
  /** null for a new one. */
  activity: ActivityDetail | null;
  onSaved: (saved: ActivityDetail) => void;
}) {
  const [draft, setDraft] = useState<ActivityDraft>(() => (activity === null ? newActivityDraft() : draftOf(activity)));
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);

  const change = (fields: Partial<ActivityDraft>) => setDraft((current) => ({ ...current, ...fields }));
  const { problems, problemOf, attempt, refusedBy } = useFormCheck(draft, activityProblems);
  const isDraft = activity === null || activity.status === 'draft';

  const save = async (): Promise<ActivityDetail> => {
    const input = activityInputOf(draft);
    const saved = activity === null ? await createActivity(federationId, input) : await updateActivity(activity.id, input);
    onSaved(saved);
    return saved;
  };

  const submit = async (publish: boolean) => {
    if (busy !== null) return;
    const found = attempt();
    setServerError(null);
    if (found.length > 0) {
      void Taro.showToast({ title: found[0].message, icon: 'none', duration: 3000 });
      return;
    }
    if (publish) {
      const { confirm } = await Taro.showModal({
        title: '发布这个活动？',
        content: '发布后，大家就能看到并报名了。',
        confirmText: '发布',
        cancelText: '再看看',
      });
      if (!confirm) return;
    }
    setBusy(publish ? 'publish' : 'save');
    try {
      const saved = await save();
      if (publish) onSaved(await publishActivity(saved.id));
      void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setServerError(error.message);
      refusedBy(error.fields.map((field) => ({ field: SERVER_FIELDS[field.field] ?? field.field, message: field.message })));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="request-form activity-form">
      <View className="card">
        <View className="form-field">
          <FieldLabel text="活动名称" required />
          <TextField className="activity-title-input" value={draft.title} onChange={(title) => change({ title })} limit={ACTIVITY_LIMITS.title} />
          <FieldError message={problemOf('title')} />
        </View>
        <View className="form-field">
          <FieldLabel text="活动类别" required />
          <ChoiceButtons name="category" options={CATEGORY_OPTIONS} value={draft.category ?? undefined} onChange={(category) => change({ category })} />
          <FieldError message={problemOf('category')} />
        </View>
        <View className="form-field">
          <FieldLabel text="活动内容" required={false} />
          <TextArea
            className="activity-description-input"
            value={draft.description}
            onChange={(description) => change({ description })}
            limit={ACTIVITY_LIMITS.description}
          />
          <FieldError message={problemOf('description')} />
        </View>
        <PlaceField
          federationId={federationId}
          savedSite={activity?.siteId ? { id: activity.siteId, name: activity.siteName ?? '原来的地点' } : null}
          draft={draft}
          onChange={change}
          error={problemOf('place')}
        />
      </View>

      <View className="card">
        <DateTimeField label="活动开始" name="start" draft={draft} onChange={change} error={undefined} />
        <DateTimeField label="活动结束" name="end" draft={draft} onChange={change} error={problemOf('endsAt')} />
        <DateTimeField label="报名开始" name="opens" draft={draft} onChange={change} error={problemOf('signupOpensAt')} />
        <DateTimeField label="报名截止" name="closes" draft={draft} onChange={change} error={problemOf('signupClosesAt')} />
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="名额（人）" required />
          <TextField className="activity-capacity" value={draft.capacity} onChange={(capacity) => change({ capacity })} type="number" maxLength={5} />
          <FieldError message={problemOf('capacity')} />
        </View>
        <View className="form-field">
          <FieldLabel text="其中预留名额（给您代为报名的人）" required={false} />
          <TextField
            className="activity-reserved"
            value={draft.reservedSeats}
            onChange={(reservedSeats) => change({ reservedSeats })}
            type="number"
            maxLength={5}
          />
          <FieldError message={problemOf('reservedSeats')} />
        </View>
        <View className="form-field">
          <FieldLabel text="能不能为家人报名" required />
          <ChoiceButtons
            name="relatives"
            options={RELATIVES_OPTIONS}
            value={draft.relativesAllowed}
            onChange={(relativesAllowed) => change({ relativesAllowed })}
          />
        </View>
      </View>

      <FormErrors problems={problems} />
      {serverError && (
        <View className="form-errors server-error" role="alert">
          <Text className="form-error server-error-text">{serverError}</Text>
        </View>
      )}
      {isDraft && (
        <Button
          className="btn btn-primary publish-activity"
          hoverClass="btn-pressed"
          loading={onlyIf(busy === 'publish')}
          disabled={onlyIf(busy !== null)}
          onClick={() => void submit(true).catch(() => undefined)}
        >
          保存并发布
        </Button>
      )}
      <Button
        className={isDraft ? 'btn btn-secondary save-activity' : 'btn btn-primary save-activity'}
        hoverClass="btn-pressed"
        loading={onlyIf(busy === 'save')}
        disabled={onlyIf(busy !== null)}
        onClick={() => void submit(false).catch(() => undefined)}
      >
        {isDraft ? '保存草稿' : '保存修改'}
      </Button>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CONTACT_METHOD_LABELS, personLabel, type MeResponse, type RosterEntryDetail, type ContactLogView } from '@wfh/shared';
import { removeRosterEntry } from '../../api';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { dayWords, lastContactLine } from '../../utils/voices';
import { CareSettings } from './components/CareSettings';
import { CareTagList } from './components/CareTags';
import { ContactLogForm } from './components/ContactLogForm';
import { Loaded } from '../voices/components/Loaded';
import { useQueryParam } from '../voices/hooks';
import { useRosterEntry } from './voices-hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

/** Newest first: the last visit is what she looks for. */
function ContactList({ contacts }: { contacts: readonly ContactLogView[] }) {
  if (contacts.length === 0) return <Text className="body-text contacts-none">还没有联系记录。</Text>;
  const newestFirst = [...contacts].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return (
    <View className="timeline">
      {newestFirst.map((contact) => (
        <View key={contact.id} className="timeline-entry contact-entry">
          <Text className="timeline-when contact-when">{dayWords(contact.date)}</Text>
          <Text className="timeline-what contact-method">{CONTACT_METHOD_LABELS[contact.method]}</Text>
          {contact.requestFiled && <Text className="tag tag-sensitive contact-request-filed">已帮她提出求助</Text>}
          {contact.note && <Text className="timeline-note contact-note-text">{contact.note}</Text>}
        </View>
      ))}
    </View>
  );
}

type Open = 'contact' | 'care' | null;

function EntryView({ entry, me, onChange }: { entry: RosterEntryDetail; me: MeResponse; onChange: (next: RosterEntryDetail) => void }) {
  const [open, setOpen] = useState<Open>(null);
  // Changes, contacts and removal are the member's own; the chair looks on.
  const own = entry.memberUserId === me.user.id;
  const name = personLabel(entry.name, { as: 'resident' });

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: `把${name}移出名单？`,
      content: '她的联系记录也会一起删除，不能恢复。',
      confirmText: '移出名单',
      cancelText: '不移出',
    });
    if (!confirm) return;
    try {
      await removeRosterEntry(entry.id);
      void Taro.showToast({ title: '已移出', icon: 'success', duration: 2000 });
      void Taro.navigateBack();
    } catch {
      // The client has shown why.
    }
  };

  return (
    <View>
      <View className="card">
        <Text className="site-name roster-entry-name">{name}</Text>
        <CareTagList tags={entry.tags} careDue={entry.careDue} />
        <Text className="body-text roster-entry-last">{lastContactLine(entry)}</Text>
        {entry.tags.length > 0 && <Text className="hint">每{entry.careEveryWeeks}周没联系就提醒</Text>}
        <Text className="hint">{entry.joinedBy === 'invitation' ? '她自己通过邀请码加入' : '征得她同意后登记'}</Text>
        {!own && <Text className="hint roster-entry-member">执委：{personLabel(entry.memberName, { as: 'member' })}</Text>}
        {entry.phone !== '' &&
          (own ? (
            <Button
              className="btn btn-secondary call-her"
              hoverClass="btn-pressed"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: entry.phone }).catch(() => undefined)}
            >
              打电话 {entry.phone}
            </Button>
          ) : (
            <Text className="body-text roster-entry-phone">电话：{entry.phone}</Text>
          ))}
      </View>

      {own && open === null && (
        <View className="card">
          <Button className="btn btn-primary open-contact-form" hoverClass="btn-pressed" onClick={() => setOpen('contact')}>
            记一次联系
          </Button>
          <Button className="btn btn-secondary open-care-settings" hoverClass="btn-pressed" onClick={() => setOpen('care')}>
            修改关心标签
          </Button>
        </View>
      )}
      {own && open === 'contact' && (
        <ContactLogForm entryId={entry.id} onLogged={onChange} onClose={() => setOpen(null)} />
      )}
      {own && open === 'care' && (
        <CareSettings entry={entry} onSaved={(view) => onChange({ ...entry, ...view })} onClose={() => setOpen(null)} />
      )}

      <View className="card">
        <Text className="card-title">联系记录</Text>
        <ContactList contacts={entry.contacts} />
      </View>

      {own && (
        <Button className="btn btn-secondary remove-entry" hoverClass="btn-pressed" onClick={() => void remove().catch(() => undefined)}>
          移出名单
        </Button>
      )}
    </View>
  );
}

function EntryLoader({ id, me }: { id: string; me: MeResponse }) {
  const loaded = useRosterEntry(id);
  return <Loaded loaded={loaded}>{(entry) => <EntryView entry={entry} me={me} onChange={loaded.set} />}</Loaded>;
}

/** One woman on a roster: how to reach her, what she may need, and every contact logged. */
export default function RosterEntryPage() {
  const id = useQueryParam('id');
  return (
    <CarePage title="联系人">
      {id === null ? <Text className="body-text">没有找到这位联系人。</Text> : <SignedIn>{(me) => <EntryLoader id={id} me={me} />}</SignedIn>}
    </CarePage>
  );
}
